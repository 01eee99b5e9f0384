package org.envelopelab.scenario.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The lab's clock. During a run it starts at the scenario's instant and moves only when the run
 * moves it (a minute per message sent, and on {@code advance-clock}), so Date headers and reports
 * come out the same every time. A served world, where people act at their own pace, lets it
 * {@linkplain #followRealTime() follow real time} from wherever the run left it: passcodes then
 * expire and lockouts end as they would in the real service.
 */
public final class LabClock extends Clock {

    /** Lab time at the moment {@link #realStart} was read; moved by {@link #advance}. */
    private volatile Instant now;
    /** {@link System#nanoTime()} when the clock began to follow real time; {@code null} while it stands still. */
    private volatile Long realStart;

    public LabClock(Instant start) {
        this.now = start;
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** From now on, lab time moves with real time (and {@link #advance} still jumps it forward). */
    public synchronized void followRealTime() {
        if (realStart == null) {
            realStart = System.nanoTime();
        }
    }

    /** Whether the clock moves with real time ({@code lab serve}) or only when the run moves it. */
    public boolean followsRealTime() {
        return realStart != null;
    }

    @Override
    public Instant instant() {
        Long started = realStart;
        Instant base = now;
        return started == null ? base : base.plusNanos(System.nanoTime() - started);
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
