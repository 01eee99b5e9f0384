package org.envelopelab.people.evidence;

/**
 * How much of one part of a message (its headers, body or attachments) a party could read. Each
 * has its own mark in the tables, explained by the legend printed under every table.
 */
public enum Access {
    READABLE("readable", "could read it"),
    ENCRYPTED("encrypted", "held it, encrypted, without a key to open it"),
    NOT_IN_COPY("not here", "this copy does not contain it: a wrapper, whose content stays with the service"),
    NONE("none", "the message has none (no attachments, for instance)"),
    NEVER("never", "never held a copy");

    private final String mark;
    private final String meaning;

    Access(String mark, String meaning) {
        this.mark = mark;
        this.meaning = meaning;
    }

    /** The word tables print. */
    public String mark() {
        return mark;
    }

    /** What the mark means, for the legend. */
    public String meaning() {
        return meaning;
    }

    /** The more a party could read, the higher; a party's table cell shows the highest it reached. */
    int rank() {
        return switch (this) {
            case READABLE -> 4;
            case ENCRYPTED -> 3;
            case NOT_IN_COPY -> 2;
            case NONE -> 1;
            case NEVER -> 0;
        };
    }

    /** The more of the two. */
    public Access orBetter(Access other) {
        return other != null && other.rank() > rank() ? other : this;
    }

    /** The legend printed under every table, one line per mark. */
    public static String legend() {
        StringBuilder legend = new StringBuilder();
        for (Access access : values()) {
            legend.append(String.format("  %-9s %s%n", access.mark, access.meaning));
        }
        return legend.toString();
    }
}
