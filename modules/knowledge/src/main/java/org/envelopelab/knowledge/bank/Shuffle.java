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
        if (question.kind() == Kind.TRUE_FALSE) {
            return order;
        }
        Collections.shuffle(order, random);
        if (question.kind() == Kind.ORDERING && isIdentity(order)) {
            Collections.rotate(order, 1);
        }
        return order;
    }

    /** The fixed order printed exports use for a question: the same on every export. */
    public static List<Integer> printed(Question question) {
        if (question.kind() != Kind.ORDERING) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < question.options().size(); i++) {
                order.add(i);
            }
            return order;
        }
        return order(question, new Random(question.id().hashCode()));
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
