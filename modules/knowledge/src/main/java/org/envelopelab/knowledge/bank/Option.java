package org.envelopelab.knowledge.bank;

import java.util.List;

/**
 * One option of a question: a response to choose (single, multiple, true-false), a pair
 * (matching: {@code text} is the party, {@code match} what it could read) or an item to put in
 * order (ordering: the bank lists items in their right order).
 *
 * @param letter   a, b, c ... as the file writes it
 * @param text     what the student sees
 * @param match    for a matching pair, its right-hand side; otherwise empty
 * @param key      whether it is a correct response (single, multiple, true-false)
 * @param feedback what the student is told on choosing it; may be empty
 * @param proofs   the claims that are true exactly when this option is correct
 * @param line     its line in the question file
 */
public record Option(String letter, String text, String match, boolean key, String feedback, List<Proof> proofs,
                     int line) {

    public Option {
        proofs = List.copyOf(proofs);
    }
}
