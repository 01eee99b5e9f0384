package org.envelopelab.testkit;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class MovableClockTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void standsStillUntilMovedInUtc() {
        MovableClock clock = new MovableClock(START);
        assertThat(clock.instant()).isEqualTo(START);
        assertThat(clock.millis()).isEqualTo(START.toEpochMilli());
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);

        clock.advance(Duration.ofMinutes(15));
        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofMinutes(15)));
        assertThat(ZonedDateTime.now(clock).getHour()).isEqualTo(9);
    }

    @Test
    void aViewInAnotherZoneShowsTheSameTimeAndMovesWithIt() {
        MovableClock clock = new MovableClock(START);
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Clock view = clock.withZone(berlin);
        assertThat(view.getZone()).isEqualTo(berlin);
        assertThat(view.instant()).isEqualTo(START);
        assertThat(ZonedDateTime.now(view).getHour()).isEqualTo(10);

        clock.advance(Duration.ofDays(366));
        assertThat(view.instant()).isEqualTo(clock.instant()).isEqualTo(START.plus(Duration.ofDays(366)));

        ((MovableClock) view).advance(Duration.ofSeconds(1));
        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofDays(366)).plusSeconds(1));
        assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);
    }
}
