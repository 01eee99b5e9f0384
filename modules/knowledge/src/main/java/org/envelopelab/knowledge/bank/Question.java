package org.envelopelab.knowledge.bank;

import java.util.List;

/**
 * One question of a lesson's bank.
 *
 * @param id         unique across the bank, e.g. {@code clinic-mailbox-at-rest}
 * @param kind       single, multiple, true-false, matching or ordering
 * @param tags       the claims of the source text it checks (C1 ... C17) and topics (attack-thief ...)
 * @param difficulty easy, medium or hard
 * @param stem       the question as the student reads it
 * @param options    its options, pairs or items, in the file's order
 * @param feedback   the general feedback, shown after any answer
 * @param proofs     claims for the question as a whole: the statement of a true-false question
 *                   (true exactly when its key is "True"), and evidence any kind may add, which must hold
 * @param about      for matching: where the pairs are judged, e.g. {@code in clinic, path service: gina-results}
 * @param file       the file it came from, as given
 * @param line       the line of its {@code question:} header
 */
public record Question(String id, Kind kind, List<String> tags, String difficulty, String stem, List<Option> options,
                       String feedback, List<Proof> proofs, String about, String file, int line) {

    public Question {
        tags = List.copyOf(tags);
        options = List.copyOf(options);
        proofs = List.copyOf(proofs);
    }

    /** The options keyed correct. */
    public List<Option> keys() {
        return options.stream().filter(Option::key).toList();
    }

    /** Where it is, as problems name it. */
    public String where() {
        return file + ":" + line;
    }
}
