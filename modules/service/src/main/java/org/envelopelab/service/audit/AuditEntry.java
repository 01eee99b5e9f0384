package org.envelopelab.service.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit trail. It names people and messages, never a passcode or anything a
 * message says: an audit log is read by more people than the mail it describes.
 *
 * @param at        when, by the service's clock
 * @param kind      what happened
 * @param actor     who did it: an address, or "service" for the service's own work
 * @param messageId the RFC 5322 Message-ID it concerns, or null for entries about no one message
 * @param detail    a short sentence: the template, the reason for a refusal, a reference code
 */
public record AuditEntry(Instant at, AuditKind kind, String actor, String messageId, String detail) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        detail = detail == null ? "" : detail;
    }

    /** "2026-03-02T09:15:00Z passcode-sent carol@gmail.example <1.2@contoso.example> reference QKDW". */
    public String line() {
        return at + " " + kind.label() + " " + actor + (messageId == null ? "" : " " + messageId)
                + (detail.isEmpty() ? "" : " " + detail);
    }
}
