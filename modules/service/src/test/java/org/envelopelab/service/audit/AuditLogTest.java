package org.envelopelab.service.audit;

import org.envelopelab.service.protection.Lab;
import org.envelopelab.testkit.MovableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditLogTest {

    private final MovableClock clock = new MovableClock(Lab.START);
    private final AuditLog log = new AuditLog(clock);

    @Test
    void entriesAreStampedByTheClockAndKeptInOrder() {
        log.record(AuditKind.RULE_MATCHED, "transport", "<1@contoso-bank.example>", "Protect card data sent outside");
        clock.advance(Duration.ofSeconds(3));
        log.record(AuditKind.PROTECTED, Lab.ALICE, "<1@contoso-bank.example>", "Encrypt-Only");

        assertThat(log.entries()).extracting(AuditEntry::at).containsExactly(Lab.START, Lab.START.plusSeconds(3));
        assertThat(log.entries()).extracting(AuditEntry::kind).containsExactly(AuditKind.RULE_MATCHED, AuditKind.PROTECTED);
    }

    @Test
    void whatWasReadCannotBeChangedAndDoesNotGrow() {
        log.record(AuditKind.KEYS_ROTATED, "service", null, "v2");
        List<AuditEntry> read = log.entries();

        log.record(AuditKind.KEYS_ROTATED, "service", null, "v3");

        assertThat(read).hasSize(1);
        assertThatThrownBy(read::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThat(log.entries()).hasSize(2);
    }

    @Test
    void entriesCanBeSelectedByMessageAndByKind() {
        log.record(AuditKind.PASSCODE_SENT, Lab.CAROL, "<1@x.example>", "reference QKDW");
        log.record(AuditKind.PASSCODE_SENT, Lab.ERIN, "<2@x.example>", "reference ABCD");
        log.record(AuditKind.PORTAL_VIEWED, Lab.CAROL, "<1@x.example>", "");

        assertThat(log.entriesFor("<1@x.example>")).extracting(AuditEntry::kind)
                .containsExactly(AuditKind.PASSCODE_SENT, AuditKind.PORTAL_VIEWED);
        assertThat(log.entriesOf(AuditKind.PASSCODE_SENT)).extracting(AuditEntry::actor).containsExactly(Lab.CAROL, Lab.ERIN);
    }

    @Test
    void aLineReadsLikeAReport() {
        log.record(AuditKind.PASSCODE_SENT, Lab.CAROL, "<1@x.example>", "reference QKDW");
        log.record(AuditKind.KEYS_ROTATED, "service", null, "");

        assertThat(log.entries()).extracting(AuditEntry::line).containsExactly(
                "2026-03-02T09:00:00Z passcode-sent carol@gmail.example <1@x.example> reference QKDW",
                "2026-03-02T09:00:00Z keys-rotated service");
    }
}
