package org.envelopelab.scenario.run;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LabClockTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void duringARunTheClockMovesOnlyWhenTheRunMovesIt() throws Exception {
        LabClock clock = new LabClock(START);
        Thread.sleep(20);
        assertThat(clock.instant()).isEqualTo(START);
        clock.advance(Duration.ofMinutes(1));
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(60));
        assertThat(clock.followsRealTime()).isFalse();
    }

    @Test
    void aServedWorldsClockFollowsRealTimeFromWhereTheRunLeftIt() throws Exception {
        LabClock clock = new LabClock(START);
        clock.advance(Duration.ofDays(31));
        clock.followRealTime();
        Instant before = clock.instant();
        Thread.sleep(50);
        Instant after = clock.instant();

        assertThat(before).isBetween(START.plus(Duration.ofDays(31)), START.plus(Duration.ofDays(31)).plusSeconds(1));
        assertThat(Duration.between(before, after)).isGreaterThanOrEqualTo(Duration.ofMillis(45));
        clock.advance(Duration.ofMinutes(15));
        assertThat(Duration.between(after, clock.instant())).isGreaterThanOrEqualTo(Duration.ofMinutes(15));
        assertThat(clock.followsRealTime()).isTrue();
    }
}
