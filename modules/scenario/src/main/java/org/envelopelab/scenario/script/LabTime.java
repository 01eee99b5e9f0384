package org.envelopelab.scenario.script;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bounds of lab time a script may ask for, checked when it is validated so that no run
 * fails half-way on a date the lab cannot represent (a certificate's validity, a report's date).
 */
final class LabTime {

    /** The earliest and latest start of the lab clock. */
    static final Instant EARLIEST_CLOCK = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST_CLOCK = Instant.parse("2999-12-31T23:59:59Z");
    /** The longest one {@code advance-clock} step, and all of them together. */
    static final Duration LONGEST_ADVANCE = Duration.ofDays(36_500);
    /** The longest real time a {@code wait} step may wait. */
    static final Duration LONGEST_WAIT = Duration.ofMinutes(10);

    private LabTime() {
    }

    /**
     * A duration written as digits and a unit ({@code 31d}, {@code 500ms}) matched by a pattern
     * whose groups are the amount and the unit (ms, s, m, h or d); empty when it does not match or
     * is too large to hold.
     */
    static Optional<Duration> duration(String text, Pattern pattern) {
        Matcher matcher = pattern.matcher(text.trim());
        if (!matcher.matches() || matcher.group(1).length() > 12) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        return Optional.of(switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        });
    }
}
