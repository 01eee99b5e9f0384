package org.envelopelab.routes.delivery;

import java.time.Duration;

/**
 * When the transport tries a site again, measured on the transport's clock.
 *
 * @param retries     how many more tries after the first
 * @param first       the wait before the first retry; it doubles each time...
 * @param longest     ...up to this
 * @param delayNotice once a message has waited this long since it was accepted, its sender gets
 *                    one delay notice (Exchange Online sends it after 4 hours, Postfix's
 *                    {@code delay_warning_time} is commonly set to 4 hours too)
 */
public record RetrySchedule(int retries, Duration first, Duration longest, Duration delayNotice) {

    public RetrySchedule {
        if (retries < 0 || first.isNegative() || longest.compareTo(first) < 0 || delayNotice.isNegative()) {
            throw new IllegalArgumentException("retries not negative, waits positive, the longest at least the first");
        }
    }

    /** For real time: 8 retries from 250 ms doubling to 4 s (about 24 s in all), a delay notice after 10 s. */
    public static RetrySchedule realTime() {
        return new RetrySchedule(8, Duration.ofMillis(250), Duration.ofSeconds(4), Duration.ofSeconds(10));
    }

    /**
     * For the lab clock of a scenario, in the spirit of Exchange Online: 10 retries from 5 minutes
     * doubling to 2 hours (about 12½ hours in all), a delay notice after 4 hours.
     */
    public static RetrySchedule labTime() {
        return new RetrySchedule(10, Duration.ofMinutes(5), Duration.ofHours(2), Duration.ofHours(4));
    }

    /** The wait after the given number of failed tries (1: after the first). */
    public Duration waitAfter(int failedTries) {
        Duration wait = first;
        for (int i = 1; i < failedTries && wait.compareTo(longest) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longest) > 0 ? longest : wait;
    }

    /** All the waits together: how long a site may stay down before mail to it is returned. */
    public Duration total() {
        Duration sum = Duration.ZERO;
        for (int tried = 1; tried <= retries; tried++) {
            sum = sum.plus(waitAfter(tried));
        }
        return sum;
    }
}
