package org.envelopelab.routes;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.envelopelab.mailnet.Account;
import org.envelopelab.mailnet.MailWorld;
import org.envelopelab.mailnet.SiteKind;
import org.envelopelab.mailnet.SiteSpec;
import org.envelopelab.mailnet.StoredMail;
import org.envelopelab.routes.delivery.RetrySchedule;
import org.envelopelab.routes.ledger.Disposition;
import org.envelopelab.routes.ledger.Journey;
import org.envelopelab.testkit.MovableClock;
import org.envelopelab.transport.MailFlow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retries follow the transport's clock: while it stands still nothing is retried, and moving it
 * to a due time retries, warns the sender once (RFC 3464 delayed), and finally gives up with a
 * dead letter and a failure report.
 */
class RetriesOnTheLabClockTest {

    private static final Duration QUIET = Duration.ofSeconds(20);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private MailWorld world;
    private MailRoutes routes;

    @BeforeEach
    void start() throws Exception {
        world = MailWorld.start(List.of(
                new SiteSpec("Contoso", "contoso.example", SiteKind.ORGANIZATION, List.of(
                        new Account("alice@contoso.example", "Alice Adams", "alice-pw"))),
                new SiteSpec("Gmail", "gmail.example", SiteKind.GMAIL, List.of(
                        new Account("carol@gmail.example", "Carol Chen", "carol-pw")))));
        routes = MailRoutes.start(world, TransportSettings.defaults().withRetry(RetrySchedule.labTime()).withClock(clock),
                MailFlow.NONE);
    }

    @AfterEach
    void stop() {
        routes.close();
        world.close();
    }

    @Test
    void aSiteDownForSixHoursGetsTheMessageAfterADelayNotice() throws Exception {
        world.site("gmail.example").stop();
        String messageId = Letter.from("alice@contoso.example").to("carol@gmail.example").subject("Statement")
                .text("Here it is.").sendIn(world);
        assertThat(routes.awaitQuiet(QUIET)).isTrue();
        Thread.sleep(200); // the clock stands still: nothing is retried
        assertThat(routes.redelivery().nextDue()).contains(Instant.parse("2026-03-02T09:05:00Z"));

        Instant backAt = Instant.parse("2026-03-02T15:00:00Z");
        while (!routes.ledger().journey(messageId).orElseThrow().settled()) {
            Instant next = routes.redelivery().nextDue().orElseThrow();
            if (!next.isBefore(backAt) && !world.site("gmail.example").isRunning()) {
                world.site("gmail.example").start();
            }
            clock.advance(Duration.between(clock.instant(), next));
            routes.redelivery().releaseDue();
            assertThat(routes.awaitQuiet(QUIET)).isTrue();
        }

        Journey journey = routes.ledger().journey(messageId).orElseThrow();
        assertThat(journey.recipients(Disposition.DELIVERED)).containsExactly("carol@gmail.example");
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-02T15:35:00Z"));
        assertThat(journey.reports()).hasSize(1);
        assertThat(routes.redelivery().drainNarration()).anySatisfy(line -> assertThat(line).isEqualTo(
                "2026-03-02 13:35:00 the sender alice@contoso.example got a delay notice for '" + messageId + "'"));
        assertThat(routes.awaitSettled(QUIET)).isTrue();
        List<StoredMail> inbox = world.site("contoso.example").mailbox("alice@contoso.example").inbox();
        assertThat(inbox).singleElement().satisfies(notice -> assertThat(new String(notice.raw(),
                StandardCharsets.UTF_8)).contains("Subject: Delivery delayed: Statement", "Action: delayed",
                "Status: 4.4.1", "Will-Retry-Until: ", "This is a warning only"));
    }

    @Test
    void aSiteDownLongerThanTheScheduleEndsInADeadLetterAndAFailureReport() throws Exception {
        world.site("gmail.example").stop();
        String messageId = Letter.from("alice@contoso.example").to("carol@gmail.example").subject("Statement")
                .text("Here it is.").sendIn(world);
        assertThat(routes.awaitQuiet(QUIET)).isTrue();
        while (!routes.ledger().journey(messageId).orElseThrow().settled()) {
            clock.advance(Duration.between(clock.instant(), routes.redelivery().nextDue().orElseThrow()));
            routes.redelivery().releaseDue();
            assertThat(routes.awaitQuiet(QUIET)).isTrue();
        }

        assertThat(routes.awaitSettled(QUIET)).isTrue();
        Journey journey = routes.ledger().journey(messageId).orElseThrow();
        assertThat(journey.recipients(Disposition.DEAD_LETTERED)).containsExactly("carol@gmail.example");
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z").plus(RetrySchedule.labTime().total()));
        assertThat(routes.deadLetters().all()).singleElement()
                .satisfies(letter -> assertThat(letter.reason()).contains("gmail.example did not take"));
        List<String> reports = world.site("contoso.example").mailbox("alice@contoso.example").inbox().stream()
                .map(mail -> new String(mail.raw(), StandardCharsets.UTF_8)).toList();
        assertThat(reports).hasSize(2);
        assertThat(reports.get(0)).contains("Action: delayed");
        assertThat(reports.get(1)).contains("Subject: Undeliverable: Statement", "Action: failed", "Status: 4.4.7",
                "did not take it in 11 tries over 12 hours 35 minutes");
    }

    @Test
    void aDeferringSiteAndOneThatDropsDataKeepTheMessageWaitingUntilTheyRecover() throws Exception {
        for (Runnable fault : List.<Runnable>of(
                () -> world.site("gmail.example").faults().defer(org.envelopelab.mailnet.SiteFaults.DEFERRING),
                () -> world.site("gmail.example").faults().dropDuringData(true))) {
            fault.run();
            String messageId = Letter.from("alice@contoso.example").to("carol@gmail.example").subject("Statement")
                    .text("Here it is.").sendIn(world);
            assertThat(routes.awaitQuiet(QUIET)).isTrue();
            assertThat(routes.redelivery().waitingRecipients()).as("waiting for a retry, not lost").isEqualTo(1);

            world.site("gmail.example").faults().clear();
            clock.advance(Duration.between(clock.instant(), routes.redelivery().nextDue().orElseThrow()));
            routes.redelivery().releaseDue();

            assertThat(routes.awaitSettled(QUIET)).isTrue();
            assertThat(routes.ledger().journey(messageId).orElseThrow().recipients(Disposition.DELIVERED))
                    .containsExactly("carol@gmail.example");
        }
        assertThat(world.site("gmail.example").mailbox("carol@gmail.example").inbox()).hasSize(2);
    }
}
