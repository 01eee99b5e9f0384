package org.envelopelab.knowledge.bank;

/**
 * One claim as a question file writes it, with the line it is on: the lab checks it against the
 * evidence of its runs (see {@code org.envelopelab.knowledge.proof.Claims}).
 *
 * @param text the claim, e.g. {@code in clinic, path smime: service cannot read body of gina-results}
 * @param line its line in the question file
 */
public record Proof(String text, int line) {
}
