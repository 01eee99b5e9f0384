package org.envelopelab.service.rules.sensitive;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What must not stand next to a number for it to be a number on its own: no letter or digit, and
 * no digit across a single space or dash — otherwise "9" digits would be found inside a phone
 * number or a longer account number.
 */
final class NumberBoundaries {

    /**
     * Every number starts with a digit, so that is checked first: the matcher tries the pattern at
     * every position of the text, and with the look-behinds first it tested two Unicode classes at
     * each of them (most of the time of the mail flow rules on a 10KB body, in ServiceBenchmark.rules).
     */
    static final String BEFORE = "(?=\\d)(?<![\\p{L}\\p{N}_])(?<!\\d[ -])";
    static final String AFTER = "(?![\\p{L}\\p{N}_])(?![ -]\\d)";

    /** How far (in characters, either side) a keyword may stand from a bare number and still vouch for it. */
    static final int KEYWORD_DISTANCE = 50;

    private NumberBoundaries() {
    }

    /**
     * What {@code pattern.matcher(text).find()} finds, in order, for a pattern that starts with
     * {@link #BEFORE}: the pattern is tried only where a digit is, instead of at every character
     * (a 10KB body is mostly letters; the rules on it ran about twice as fast).
     */
    static List<MatchResult> numbers(Pattern pattern, String text) {
        List<MatchResult> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int length = text.length();
        int at = 0;
        while (at < length) {
            char c = text.charAt(at);
            if (c < '0' || c > '9') {
                at++;
                continue;
            }
            matcher.region(at, length);
            if (matcher.lookingAt()) {
                found.add(matcher.toMatchResult());
                at = Math.max(matcher.end(), at + 1);
            } else {
                at++;
            }
        }
        return found;
    }
}
