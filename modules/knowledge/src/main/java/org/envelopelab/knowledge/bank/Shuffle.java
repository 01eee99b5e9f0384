package org.envelopelab.knowledge.bank;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The order options are shown in. A bank lists ordering items in their right order, so anything a
 * student sees shuffles them; printed exports use a fixed shuffle per question (the same file on
 * every export), the terminal a fresh one unless a seed is given.
 */
public final class Shuffle {

    private Shuffle() {
    }

    /** Indexes into the question's options, in the order to show them; never the right order for ordering questions. */
    public static List<Integer> order(Question question, Random random) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < question.options().size(); i++) {
            order.add(i);
        }
        if (question.kind() == Kind.TRUE_FALSE || question.kind() == Kind.MATCHING) {
            return order; // True, False; and a matching question's phrases are a list of their own
        }
        Collections.shuffle(order, random);
        if (question.kind() == Kind.ORDERING && isIdentity(order)) {
            Collections.rotate(order, 1);
        }
        return order;
    }

    /**
     * The fixed order printed pages and {@code lab quiz show} use: a shuffle seeded by the question's
     * id, so the same on every export, and the key not always first (true-false stays True, False).
     */
    public static List<Integer> printed(Question question) {
        return order(question, new Random(question.id().hashCode()));
    }

    /** The bank's own order, letters as the file writes them; ordering items still shuffled (their order is the key). */
    public static List<Integer> bankOrder(Question question) {
        if (question.kind() == Kind.ORDERING) {
            return printed(question);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < question.options().size(); i++) {
            order.add(i);
        }
        return order;
    }

    private static boolean isIdentity(List<Integer> order) {
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i) != i) {
                return false;
            }
        }
        return true;
    }

    /** The letter shown at a position: a, b, c ... */
    public static String letter(int position) {
        return String.valueOf((char) ('a' + position));
    }
}
