package org.envelopelab.knowledge.bank;

/**
 * Something wrong in a question file, or a key the lab contradicts: printed as {@code file:line: sentence}.
 *
 * @param file    the file, as given
 * @param line    the line, 1-based
 * @param message one sentence
 */
public record Problem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
