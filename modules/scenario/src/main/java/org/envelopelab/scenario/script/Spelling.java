package org.envelopelab.scenario.script;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a misspelt name into a helpful message: "did you mean 'to'?" when a known name is a
 * typo away, otherwise the list of names that would have been understood.
 */
final class Spelling {

    /** Typos we recognise: up to two edits (a swap of neighbours counts as one). */
    private static final int MAX_EDITS = 2;

    private Spelling() {
    }

    /**
     * A message for a name that is not one of {@code known}.
     *
     * @param prefix  the start of the message, e.g. "unknown key 'tos' in send"
     * @param word    the name as written
     * @param known   the names to suggest from
     * @param listing what to show in brackets when nothing is close, e.g. "known keys: id, from, to"
     */
    static String unknown(String prefix, String word, List<String> known, String listing) {
        return closest(word, known)
                .map(suggestion -> prefix + "; did you mean '" + suggestion + "'?")
                .orElse(prefix + " (" + listing + ")");
    }

    /** "label: a, b, c". */
    static String listing(String label, List<String> names) {
        return label + ": " + String.join(", ", names);
    }

    /**
     * The known name nearest to {@code word}, if it is close enough to be a typo. A one-letter word
     * is never "close" to a two-letter one: the edits must be fewer than the letters written.
     */
    static Optional<String> closest(String word, List<String> known) {
        String written = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(written, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        boolean typo = best != null && bestDistance <= MAX_EDITS && bestDistance < written.length();
        return typo ? Optional.of(best) : Optional.empty();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
