package org.envelopelab.service.rules.sensitive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * US social security numbers, AAA-GG-SSSS. The area is never 000, 666 or 900–999, the group
 * never 00, the serial never 0000: the Social Security Administration issues none of those.
 *
 * <p>Written with dashes or spaces (the same separator twice) the shape is distinctive enough on
 * its own. Nine bare digits are not — they are as often an order or routing number — so they
 * count only with a keyword such as "SSN" or "social security" within 50 characters. Only the
 * last four digits are shown.
 */
public record UsSocialSecurityNumber() implements SensitiveInfoType {

    private static final Pattern SEPARATED = Pattern.compile(
            NumberBoundaries.BEFORE + "(\\d{3})([- ])(\\d{2})\\2(\\d{4})" + NumberBoundaries.AFTER);
    private static final Pattern BARE = Pattern.compile(
            NumberBoundaries.BEFORE + "(\\d{3})(\\d{2})(\\d{4})" + NumberBoundaries.AFTER);
    private static final WordList KEYWORDS = new WordList(List.of(
            "SSN", "SSNs", "SS#", "SSN#", "social security", "soc sec", "social security number"));

    @Override
    public String label() {
        return "us-ssn";
    }

    @Override
    public String singular() {
        return "US social security number";
    }

    @Override
    public String plural() {
        return "US social security numbers";
    }

    @Override
    public List<Finding> findIn(String text, String where) {
        String searched = text == null ? "" : text;
        List<Positioned> found = new ArrayList<>();
        Matcher separated = SEPARATED.matcher(searched);
        while (separated.find()) {
            if (issuable(separated.group(1), separated.group(3), separated.group(4))) {
                found.add(new Positioned(separated.start(),
                        new Finding(this, DigitMask.keepingLast(separated.group(), 4), "", where)));
            }
        }
        Matcher bare = BARE.matcher(searched);
        while (bare.find()) {
            if (!issuable(bare.group(1), bare.group(2), bare.group(3))) {
                continue;
            }
            Optional<String> keyword = KEYWORDS.firstBetween(searched,
                    bare.start() - NumberBoundaries.KEYWORD_DISTANCE, bare.end() + NumberBoundaries.KEYWORD_DISTANCE);
            keyword.ifPresent(word -> found.add(new Positioned(bare.start(),
                    new Finding(this, DigitMask.keepingLast(bare.group(), 4), "near '" + word + "'", where))));
        }
        return found.stream().sorted(Comparator.comparingInt(Positioned::start)).map(Positioned::finding).toList();
    }

    /** Whether the SSA could have issued the number. */
    static boolean issuable(String area, String group, String serial) {
        int areaNumber = Integer.parseInt(area);
        return areaNumber != 0 && areaNumber != 666 && areaNumber < 900
                && Integer.parseInt(group) != 0 && Integer.parseInt(serial) != 0;
    }

    private record Positioned(int start, Finding finding) {
    }
}
