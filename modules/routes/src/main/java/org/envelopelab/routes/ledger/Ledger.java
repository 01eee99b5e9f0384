package org.envelopelab.routes.ledger;

import org.envelopelab.transport.Envelope;
import org.envelopelab.routes.delivery.Leg;
import org.envelopelab.routes.delivery.Rejection;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Accounts for every message the transport accepted: each recipient's copy is pending until it
 * is delivered, bounced or dead-lettered, and the books balance at all times. Scenarios wait on
 * it ("wait for delivery") and read journeys from it to say who could read what.
 */
public final class Ledger {

    private final Clock clock;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    /** The entries by Message-ID: one message, its journal copy, a resent copy. */
    private final Map<String, List<Entry>> byMessageId = new HashMap<>();
    private int pending;

    public Ledger(Clock clock) {
        this.clock = clock;
    }

    public synchronized void accepted(Envelope envelope) {
        Entry entry = new Entry(envelope, clock.instant());
        for (String recipient : envelope.recipients()) {
            entry.outcomes.put(recipient, new Outcome(Disposition.PENDING, "", clock.instant()));
        }
        pending += entry.outcomes.size();
        entries.put(envelope.id(), entry);
        byMessageId.computeIfAbsent(envelope.messageId(), id -> new ArrayList<>()).add(entry);
        wakeWhenSettled();
    }

    /**
     * Accepts the copies a mail flow added with ids of their own (a journal copy, say); copies
     * that keep an accepted message's id are that message and are already in the books.
     */
    public synchronized List<Envelope> acceptCopies(List<Envelope> copies) {
        for (Envelope copy : copies) {
            if (!entries.containsKey(copy.id())) {
                accepted(copy);
            }
        }
        return copies;
    }

    /** Forgets a message the transport could not queue after all; its client was told to try again. */
    public synchronized void withdraw(Envelope envelope) {
        Entry entry = entries.remove(envelope.id());
        if (entry != null) {
            byMessageId.getOrDefault(envelope.messageId(), new ArrayList<>()).remove(entry);
            pending -= (int) entry.outcomes.values().stream()
                    .filter(outcome -> outcome.disposition() == Disposition.PENDING).count();
            wakeWhenSettled();
        }
    }

    /** A transfer to the leg's destination succeeded for {@code delivered}; the server stored them. */
    public synchronized void relayed(Leg leg, byte[] content, List<String> delivered, String reply) {
        Entry entry = entry(leg.envelope());
        entry.relays.add(new Relay(leg.envelope().origin(), leg.destination().domain(), delivered, content, clock.instant()));
        for (String recipient : delivered) {
            settle(entry, recipient, new Outcome(Disposition.DELIVERED, reply, clock.instant()));
        }
        wakeWhenSettled();
    }

    /**
     * The leg's rejected recipients bounced, and {@code report} tells the sender. Both happen at
     * once, so a waiting scenario never sees the message settled before its report exists.
     */
    public synchronized void bounced(Leg leg, Envelope report) {
        accepted(report);
        Entry entry = entry(leg.envelope());
        entry.reports.add(report.id());
        for (Rejection rejection : leg.rejections()) {
            settle(entry, rejection.recipient(), new Outcome(Disposition.BOUNCED, rejection.diagnostic(), clock.instant()));
        }
        wakeWhenSettled();
    }

    public synchronized void deadLettered(Envelope envelope, Collection<String> recipients, String reason) {
        Entry entry = entry(envelope);
        for (String recipient : recipients) {
            settle(entry, recipient, new Outcome(Disposition.DEAD_LETTERED, reason, clock.instant()));
        }
        wakeWhenSettled();
    }

    /** A delay notice (or any report that settles nobody) was sent to the sender of {@code original}. */
    public synchronized void reported(Envelope original, Envelope report) {
        accepted(report);
        entry(original).reports.add(report.id());
    }

    /** When the transport accepted the message. */
    public synchronized java.time.Instant acceptedAt(Envelope envelope) {
        return entry(envelope).accepted;
    }

    /** How many copies, of every kind, are not yet delivered, bounced or dead-lettered. */
    public synchronized int pendingCount() {
        return pending;
    }

    /** Whether this recipient's copy is still to be delivered (so a redelivery skips the others). */
    public synchronized boolean isPending(Envelope envelope, String recipient) {
        Outcome outcome = entry(envelope).outcomes.get(recipient);
        return outcome != null && outcome.disposition() == Disposition.PENDING;
    }

    /** Blocks until no copy is pending; false when the timeout passed first. */
    public synchronized boolean awaitSettled(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** The journey of a message by its Message-ID header (the first one, if resent). */
    public synchronized Optional<Journey> journey(String messageId) {
        return byMessageId.getOrDefault(messageId, List.of()).stream().findFirst().map(Entry::snapshot);
    }

    /** Every journey of a Message-ID, in the order accepted: the message, and copies such as the service's journal copy. */
    public synchronized List<Journey> journeys(String messageId) {
        return byMessageId.getOrDefault(messageId, List.of()).stream().map(Entry::snapshot).toList();
    }

    public synchronized Optional<Journey> journeyById(String envelopeId) {
        return Optional.ofNullable(entries.get(envelopeId)).map(Entry::snapshot);
    }

    public synchronized List<Journey> journeys() {
        return entries.values().stream().map(Entry::snapshot).toList();
    }

    /** The books for one kind of mail: people's messages, or the transport's own reports. */
    public synchronized Totals totals(Envelope.Kind kind) {
        int messages = 0;
        int[] counts = new int[Disposition.values().length];
        for (Entry entry : entries.values()) {
            if (entry.envelope.kind() != kind) {
                continue;
            }
            messages++;
            entry.outcomes.values().forEach(outcome -> counts[outcome.disposition().ordinal()]++);
        }
        int recipients = counts[0] + counts[1] + counts[2] + counts[3];
        return new Totals(messages, recipients, counts[Disposition.DELIVERED.ordinal()],
                counts[Disposition.BOUNCED.ordinal()], counts[Disposition.DEAD_LETTERED.ordinal()],
                counts[Disposition.PENDING.ordinal()]);
    }

    public Totals totals() {
        return totals(Envelope.Kind.MESSAGE);
    }

    /** Only {@link #awaitSettled} waits, and only for nothing pending: waking it for every delivery cost a thread switch each. */
    private void wakeWhenSettled() {
        if (pending == 0) {
            notifyAll();
        }
    }

    private Entry entry(Envelope envelope) {
        Entry entry = entries.get(envelope.id());
        if (entry == null) {
            throw new IllegalStateException("the ledger never accepted " + envelope.id());
        }
        return entry;
    }

    private void settle(Entry entry, String recipient, Outcome outcome) {
        if (entry.settle(recipient, outcome)) {
            pending--;
        }
    }

    private static final class Entry {
        final Envelope envelope;
        final Map<String, Outcome> outcomes = new LinkedHashMap<>();
        final List<Relay> relays = new ArrayList<>();
        final List<String> reports = new ArrayList<>();
        final java.time.Instant accepted;

        Entry(Envelope envelope, java.time.Instant accepted) {
            this.envelope = envelope;
            this.accepted = accepted;
        }

        /** Settles a pending copy; false when it was settled already (first outcome wins). */
        boolean settle(String recipient, Outcome outcome) {
            Outcome current = outcomes.get(recipient);
            if (current == null) {
                throw new IllegalStateException(recipient + " is not a recipient of " + envelope.id());
            }
            if (current.disposition() != Disposition.PENDING) {
                return false;
            }
            outcomes.put(recipient, outcome);
            return true;
        }

        Journey snapshot() {
            return new Journey(envelope, List.copyOf(relays), new LinkedHashMap<>(outcomes), List.copyOf(reports));
        }
    }
}
