package org.envelopelab.service.portal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Counts refused sign-in tries per (message link, address) — wrong passcodes and passwords a
 * consumer provider refused alike, so neither way in offers more guesses than the other. Five
 * refused tries in a row lock the pair for ten minutes; a success or the end of a lock starts the
 * count again. Addresses that are not recipients are counted and locked the same way, so lockouts
 * say nothing about who is one.
 */
final class SignInThrottle {

    static final int MAXIMUM_FAILURES = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(10);

    private record Holder(String token, String address) {
    }

    private static final class Count {
        private int failures;
        private Instant lockedUntil;
    }

    private final Map<Holder, Count> counts = new HashMap<>();

    /** When the pair's lock ends, if it is locked now. */
    synchronized Optional<Instant> lockedUntil(String token, String address, Instant now) {
        Count count = counts.get(holder(token, address));
        return count == null ? Optional.empty() : Optional.ofNullable(unlockIfOver(count, now));
    }

    /** Counts a refused try; when it is the one that locks the pair, when the lock ends. */
    synchronized Optional<Instant> refused(String token, String address, Instant now) {
        Count count = counts.computeIfAbsent(holder(token, address), holder -> new Count());
        unlockIfOver(count, now);
        count.failures++;
        if (count.failures >= MAXIMUM_FAILURES) {
            count.lockedUntil = now.plus(LOCKOUT);
            return Optional.of(count.lockedUntil);
        }
        return Optional.empty();
    }

    synchronized void succeeded(String token, String address) {
        counts.remove(holder(token, address));
    }

    private static Instant unlockIfOver(Count count, Instant now) {
        if (count.lockedUntil != null && !now.isBefore(count.lockedUntil)) {
            count.lockedUntil = null;
            count.failures = 0;
        }
        return count.lockedUntil;
    }

    private static Holder holder(String token, String address) {
        return new Holder(token, address.trim().toLowerCase(Locale.ROOT));
    }
}
