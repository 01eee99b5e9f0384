package org.envelopelab.portal.guard;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class CsrfTokensTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private final CsrfTokens tokens = new CsrfTokens(new SecureRandom(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aVisitTokenIsGoodForItsOwnVisitOnly() {
        String token = tokens.forVisit("visit-a");

        assertThat(tokens.validForVisit("visit-a", token)).isTrue();
        assertThat(tokens.validForVisit("visit-b", token)).isFalse();
        assertThat(tokens.validForVisit(null, token)).isFalse();
        assertThat(tokens.validForVisit("visit-a", null)).isFalse();
    }

    @Test
    void aVisitTokenLastsAnHour() {
        String token = tokens.forVisit("visit-a");
        CsrfTokens anHourLater = new CsrfTokens(new SecureRandom(), Clock.fixed(NOW.plus(Duration.ofHours(1)), ZoneOffset.UTC));

        assertThat(anHourLater.validForVisit("visit-a", token)).as("another key, and too old anyway").isFalse();
        // Moving the date forward does not make an old token younger: the MAC covers it.
        String moved = (NOW.getEpochSecond() + 10) + token.substring(token.indexOf('.'));
        assertThat(tokens.validForVisit("visit-a", moved)).isFalse();
    }

    @Test
    void aSessionTokenIsBoundToItsSessionAndNotToAVisit() {
        String token = tokens.forSession("session-1");

        assertThat(tokens.validForSession("session-1", token)).isTrue();
        assertThat(tokens.validForSession("session-2", token)).isFalse();
        assertThat(tokens.validForVisit("session-1", token)).isFalse();
        assertThat(tokens.validForSession("visit-a", tokens.forVisit("visit-a"))).isFalse();
    }

    @Test
    void garbageIsRefusedQuietly() {
        for (String garbage : new String[] {"", ".", "1.", ".abc", "abc.def", "99999999999999999999.x", "-5.x", "１２.x"}) {
            assertThat(tokens.validForVisit("visit-a", garbage)).as(garbage).isFalse();
            assertThat(tokens.validForSession("session-1", garbage)).as(garbage).isFalse();
        }
    }
}
