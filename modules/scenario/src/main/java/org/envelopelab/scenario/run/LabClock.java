package org.envelopelab.scenario.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The lab's clock for a run: it starts at the scenario's instant and moves only when the run
 * moves it (a minute per message sent), so Date headers and reports come out the same every time.
 */
public final class LabClock extends Clock {

    private volatile Instant now;

    public LabClock(Instant start) {
        this.now = start;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The same lab time, seen from another zone. */
    @Override
    public Clock withZone(ZoneId zone) {
        LabClock source = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return source.withZone(other);
            }

            @Override
            public Instant instant() {
                return source.instant();
            }
        };
    }
}
