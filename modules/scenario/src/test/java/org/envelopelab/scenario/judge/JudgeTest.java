package org.envelopelab.scenario.judge;

import org.envelopelab.people.evidence.Access;
import org.envelopelab.people.evidence.Evidence;
import org.envelopelab.people.evidence.Followed;
import org.envelopelab.people.evidence.Party;
import org.envelopelab.people.evidence.Through;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The judge on hand-made evidence: no world, no mail, only what the timeline would say. */
class JudgeTest {

    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
    private static final String LEE = "lee@northwind-clinic.example";
    private static final String GINA = "gina@gmail.example";
    private static final String KIM = "kim@northwind-clinic.example";
    private static final Followed RESULTS = new Followed("results", "<results.1@northwind-clinic.example>", LEE,
            "northwind-clinic.example", List.of(GINA, KIM), Map.of("HbA1c value", "HbA1c 5.4%"), false, 1);

    private static Evidence held(int step, Party party, Access body, Through through, String... secrets) {
        return new Evidence(step, T, "results", party, Evidence.Outcome.HELD, Access.READABLE, body, Access.NONE, List.of(),
                List.of(secrets), through, "", party.label() + " held it");
    }

    private static Evidence refused(int step, Party party, String reason) {
        return new Evidence(step, T, "results", party, Evidence.Outcome.REFUSED, Access.NEVER, Access.NEVER, Access.NEVER,
                List.of(), List.of(), null, reason, "the portal refused them");
    }

    private static Evidence missed(int step, Party party, String reason) {
        return new Evidence(step, T, "results", party, Evidence.Outcome.MISSED, Access.NEVER, Access.NEVER, Access.NEVER,
                List.of(), List.of(), null, reason, "never received it: " + reason);
    }

    private static Verdict row(List<Verdict> table, Party party) {
        return table.stream().filter(verdict -> verdict.party().equals(party)).findFirst().orElseThrow();
    }

    @Test
    void aPartyThatReadAndLaterLostAccessShowsBoth() {
        List<Verdict> table = Judge.judge(RESULTS, List.of(
                held(9, Party.recipient(GINA), Access.READABLE, Through.PORTAL_SESSION, "HbA1c value"),
                refused(21, Party.recipient(GINA), "This message expired on 2 April 2026.")));

        Verdict gina = row(table, Party.recipient(GINA));
        assertThat(gina.body()).as("what was read stays read").isEqualTo(Access.READABLE);
        assertThat(gina.secrets()).containsExactly("HbA1c value");
        assertThat(gina.history()).isEqualTo("read at step 9; refused at step 21: This message expired on 2 April 2026.");
    }

    @Test
    void aWrapperIsNotTheMessageAndThePartsItLacksAreSaidSo() {
        List<Verdict> table = Judge.judge(RESULTS, List.of(
                held(2, Party.mailbox(GINA), Access.NOT_IN_COPY, Through.WRAPPER_ONLY)));

        Verdict mailbox = row(table, Party.mailbox(GINA));
        assertThat(mailbox.headers()).isEqualTo(Access.READABLE);
        assertThat(mailbox.body()).isEqualTo(Access.NOT_IN_COPY);
        assertThat(mailbox.attachments()).as("the message had none").isEqualTo(Access.NONE);
        assertThat(mailbox.canRead("body")).isFalse();
        assertThat(mailbox.history()).isEqualTo("held the wrapper at step 2");
    }

    @Test
    void aRecipientNeverReachedIsNeverWithTheReason() {
        List<Verdict> table = Judge.judge(RESULTS, List.of(
                missed(2, Party.mailbox(GINA), "bounced (550 5.1.1 <gina@gmail.example>: no such user here)"),
                missed(2, Party.recipient(GINA), "bounced (550 5.1.1 <gina@gmail.example>: no such user here)")));

        Verdict gina = row(table, Party.recipient(GINA));
        assertThat(List.of(gina.headers(), gina.body(), gina.attachments())).containsOnly(Access.NEVER);
        assertThat(gina.held()).isFalse();
        assertThat(gina.history()).startsWith("missed it at step 2: bounced (550 5.1.1");
        Verdict kim = row(table, Party.recipient(KIM));
        assertThat(kim.held()).isFalse();
        assertThat(kim.why()).as("no evidence at all").isEqualTo("never received it");
        assertThat(kim.history()).isEmpty();
    }

    @Test
    void everyWireLegIsItsOwnRowInTheOrderTheEvidenceNamesThem() {
        Party internal = Party.wire("northwind-clinic.example", "northwind-clinic.example");
        Party outward = Party.wire("northwind-clinic.example", "gmail.example");
        List<Verdict> table = Judge.judge(RESULTS, List.of(
                held(1, internal, Access.ENCRYPTED, Through.CIPHERTEXT),
                held(1, outward, Access.NOT_IN_COPY, Through.WRAPPER_ONLY)));

        assertThat(table).extracting(verdict -> verdict.party().label()).containsExactly(
                "sender " + LEE,
                "mail service of northwind-clinic.example",
                "eavesdropper on northwind-clinic.example -> northwind-clinic.example",
                "eavesdropper on northwind-clinic.example -> gmail.example",
                "mailbox of " + GINA, "recipient " + GINA,
                "mailbox of " + KIM, "recipient " + KIM);
        assertThat(row(table, internal).body()).isEqualTo(Access.ENCRYPTED);
        assertThat(row(table, outward).body()).isEqualTo(Access.NOT_IN_COPY);
    }

    @Test
    void withNoTransferAtAllTheWireSaysSo() {
        List<Verdict> table = Judge.judge(RESULTS, List.of());

        assertThat(table).filteredOn(verdict -> verdict.party().kind() == Party.Kind.WIRE).singleElement()
                .satisfies(wire -> assertThat(wire.why()).isEqualTo("no transfer between servers took place"));
    }

    @Test
    void aRecipientWhoseMailboxHoldsItButWhoNeverLookedIsToldApart() {
        List<Verdict> table = Judge.judge(RESULTS, List.of(
                held(2, Party.mailbox(KIM), Access.ENCRYPTED, Through.CIPHERTEXT)));

        assertThat(row(table, Party.recipient(KIM)).why())
                .isEqualTo("delivered to their mailbox; they have not opened it in this scenario");
    }

    @Test
    void holdingWhatItCouldAlreadyReadChangesNothingInTheHistory() {
        List<Verdict> table = Judge.judge(RESULTS, List.of(
                held(5, Party.recipient(GINA), Access.NOT_IN_COPY, Through.WRAPPER_ONLY),
                held(6, Party.recipient(GINA), Access.NOT_IN_COPY, Through.WRAPPER_ONLY),
                held(6, Party.recipient(GINA), Access.READABLE, Through.PORTAL_SESSION, "HbA1c value"),
                held(7, Party.recipient(GINA), Access.NOT_IN_COPY, Through.WRAPPER_ONLY),
                held(7, Party.recipient(GINA), Access.READABLE, Through.PORTAL_SESSION, "HbA1c value"),
                held(22, Party.recipient(GINA), Access.NOT_IN_COPY, Through.WRAPPER_ONLY),
                refused(22, Party.recipient(GINA), "This message expired.")));

        assertThat(row(table, Party.recipient(GINA)).history())
                .isEqualTo("held the wrapper at steps 5, 6; read at steps 6, 7; refused at step 22: This message expired.");
    }

    @Test
    void aSenderWritesAndServersHold() {
        List<Verdict> table = Judge.judge(RESULTS, List.of(
                held(1, Party.sender(LEE), Access.READABLE, Through.PLAINTEXT, "HbA1c value"),
                held(1, Party.service("northwind-clinic.example"), Access.READABLE, Through.PLAINTEXT, "HbA1c value")));

        assertThat(row(table, Party.sender(LEE)).history()).isEqualTo("wrote it at step 1");
        assertThat(row(table, Party.service("northwind-clinic.example")).history()).isEqualTo("held it in the clear at step 1");
    }

    @Test
    void readingTheSameThingAgainIsOneEventAtSeveralSteps() {
        List<Verdict> table = Judge.judge(RESULTS, List.of(
                held(7, Party.recipient(KIM), Access.READABLE, Through.USE_LICENSE, "HbA1c value"),
                held(14, Party.recipient(KIM), Access.READABLE, Through.USE_LICENSE, "HbA1c value")));

        assertThat(row(table, Party.recipient(KIM)).history()).isEqualTo("read at steps 7, 14");
    }

    @Test
    void evidenceAboutOtherMessagesIsIgnored() {
        Evidence other = new Evidence(3, T, "other", Party.recipient(GINA), Evidence.Outcome.HELD, Access.READABLE,
                Access.READABLE, Access.NONE, List.of(), List.of("HbA1c value"), Through.PLAINTEXT, "", "another message");

        assertThat(row(Judge.judge(RESULTS, List.of(other)), Party.recipient(GINA)).held()).isFalse();
    }
}
