package org.envelopelab.service.rules.sensitive;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ABA routing transit numbers of US banks: nine digits whose first two are a Federal Reserve
 * routing symbol (00–12, 21–32, 61–72 or 80) and which pass the ABA checksum (digits weighted
 * 3, 7, 1, 3, 7, 1, 3, 7, 1 sum to a multiple of ten). Nine digits are common, so a keyword —
 * "routing", "ABA" or "RTN" — must stand within 50 characters. Only the last three digits are shown.
 */
public record AbaRoutingNumber() implements SensitiveInfoType {

    private static final Pattern NINE_DIGITS = Pattern.compile(NumberBoundaries.BEFORE + "\\d{9}" + NumberBoundaries.AFTER);
    private static final WordList KEYWORDS = new WordList(List.of("routing", "ABA", "RTN", "ABA#"));
    private static final int[] WEIGHTS = {3, 7, 1, 3, 7, 1, 3, 7, 1};

    @Override
    public String label() {
        return "aba-routing-number";
    }

    @Override
    public String singular() {
        return "ABA routing number";
    }

    @Override
    public String plural() {
        return "ABA routing numbers";
    }

    @Override
    public List<Finding> findIn(String text, String where) {
        String searched = text == null ? "" : text;
        List<Finding> found = new ArrayList<>();
        Matcher matcher = NINE_DIGITS.matcher(searched);
        while (matcher.find()) {
            String digits = matcher.group();
            if (!hasRoutingSymbol(digits) || !passesChecksum(digits)) {
                continue;
            }
            Optional<String> keyword = KEYWORDS.firstBetween(searched,
                    matcher.start() - NumberBoundaries.KEYWORD_DISTANCE, matcher.end() + NumberBoundaries.KEYWORD_DISTANCE);
            keyword.ifPresent(word -> found.add(new Finding(this, DigitMask.keepingLast(digits, 3),
                    "checksum valid, near '" + word + "'", where)));
        }
        return found;
    }

    static boolean hasRoutingSymbol(String digits) {
        int symbol = Integer.parseInt(digits.substring(0, 2));
        return symbol <= 12 || (symbol >= 21 && symbol <= 32) || (symbol >= 61 && symbol <= 72) || symbol == 80;
    }

    /** The ABA checksum: 3·d1 + 7·d2 + d3 + 3·d4 + 7·d5 + d6 + 3·d7 + 7·d8 + d9 ≡ 0 (mod 10). */
    public static boolean passesChecksum(String digits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += WEIGHTS[i] * (digits.charAt(i) - '0');
        }
        return sum % 10 == 0;
    }
}
