package org.envelopelab.knowledge.bank;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of question a bank holds, by the word question files use. */
public enum Kind {
    /** One best response among three or more options ("Choose the best response"). */
    SINGLE("single"),
    /** Every correct response among the options: one or more keys. */
    MULTIPLE("multiple"),
    /** A statement, true or false. */
    TRUE_FALSE("true-false"),
    /** Pairs: each party to what it could read of a message. */
    MATCHING("matching"),
    /** Items to put in order: the steps of a run, as they happened. */
    ORDERING("ordering");

    private final String word;

    Kind(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static Optional<Kind> of(String word) {
        return Arrays.stream(values()).filter(kind -> kind.word.equals(word)).findFirst();
    }

    public static String words() {
        return String.join(", ", Arrays.stream(values()).map(Kind::word).toList());
    }
}
