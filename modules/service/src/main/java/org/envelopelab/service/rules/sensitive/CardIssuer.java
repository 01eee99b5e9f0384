package org.envelopelab.service.rules.sensitive;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The card networks whose numbers the credit card type recognises, by the leading digits (issuer
 * identification number) and the lengths they issue. A number from nobody's range is not a card
 * number however well it passes the Luhn check.
 */
public enum CardIssuer {
    VISA("Visa", Set.of(13, 16, 19), "4"),
    MASTERCARD("Mastercard", Set.of(16), "51-55", "2221-2720"),
    AMERICAN_EXPRESS("American Express", Set.of(15), "34", "37"),
    DISCOVER("Discover", Set.of(16, 17, 18, 19), "6011", "65");

    private final String title;
    private final Set<Integer> lengths;
    private final String[] prefixRanges;

    CardIssuer(String title, Set<Integer> lengths, String... prefixRanges) {
        this.title = title;
        this.lengths = lengths;
        this.prefixRanges = prefixRanges;
    }

    public String title() {
        return title;
    }

    /** The issuer of a number given as bare digits, if it is in one's range and of one's lengths. */
    public static Optional<CardIssuer> of(String digits) {
        return Arrays.stream(values()).filter(issuer -> issuer.issued(digits)).findFirst();
    }

    private boolean issued(String digits) {
        return lengths.contains(digits.length()) && Arrays.stream(prefixRanges).anyMatch(range -> inRange(digits, range));
    }

    private static boolean inRange(String digits, String range) {
        String[] ends = range.split("-");
        int width = ends[0].length();
        int prefix = Integer.parseInt(digits.substring(0, width));
        int low = Integer.parseInt(ends[0]);
        int high = Integer.parseInt(ends[ends.length - 1]);
        return prefix >= low && prefix <= high;
    }
}
