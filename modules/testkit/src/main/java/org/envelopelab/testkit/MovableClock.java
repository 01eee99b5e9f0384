package org.envelopelab.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The lab's clock in a test, moved by hand: fifteen minutes of passcode life, ten of lockout or a
 * year of certificate validity pass in no time. It starts at an instant, stands still until
 * {@link #advance} moves it, and is in UTC; {@link #withZone} gives a view of the same time (it
 * moves when this clock moves) seen from another zone.
 */
public final class MovableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public MovableClock(Instant start) {
        this(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    private MovableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** Moves the time forward (or back, for a negative duration), for this clock and every view of it. */
    public void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same time, moving with this clock, seen from another zone. */
    @Override
    public MovableClock withZone(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        return zone.equals(this.zone) ? this : new MovableClock(now, zone);
    }

    @Override
    public String toString() {
        return "MovableClock[" + instant() + "," + zone + "]";
    }
}
