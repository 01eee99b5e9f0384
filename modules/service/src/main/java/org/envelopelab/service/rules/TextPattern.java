package org.envelopelab.service.rules;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A "matches these text patterns" pattern: a Java regular expression, case-insensitive as
 * Exchange's are. A broken pattern is refused when the rule is written, not when mail arrives.
 */
final class TextPattern {

    private TextPattern() {
    }

    static Pattern compile(String regex) {
        if (regex == null || regex.isEmpty()) {
            throw new IllegalArgumentException("a text pattern cannot be empty");
        }
        try {
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("'" + regex + "' is not a valid pattern: " + e.getDescription()
                    + " near index " + e.getIndex(), e);
        }
    }
}
