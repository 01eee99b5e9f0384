package org.envelopelab.service.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The service's append-only audit trail: protections, use licenses, passcodes, portal views,
 * downloads, replies, refused forwards, revocations and compliance decryptions, in the order they
 * happened. Entries can be added and read, never changed or removed. Safe to share between threads.
 */
public final class AuditLog {

    private final Clock clock;
    private final List<AuditEntry> entries = new ArrayList<>();

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    /** Appends an entry stamped with the log's clock. */
    public void record(AuditKind kind, String actor, String messageId, String detail) {
        AuditEntry entry = new AuditEntry(clock.instant(), kind, actor, messageId, detail);
        synchronized (entries) {
            entries.add(entry);
        }
    }

    /** Every entry so far, oldest first: a copy, so later entries do not appear in it. */
    public List<AuditEntry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    /** The entries about one message, oldest first. */
    public List<AuditEntry> entriesFor(String messageId) {
        return entries().stream().filter(entry -> messageId.equals(entry.messageId())).toList();
    }

    /** The entries of one kind, oldest first. */
    public List<AuditEntry> entriesOf(AuditKind kind) {
        return entries().stream().filter(entry -> entry.kind() == kind).toList();
    }
}
