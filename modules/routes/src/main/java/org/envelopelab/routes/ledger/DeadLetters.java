package org.envelopelab.routes.ledger;

import org.envelopelab.transport.Envelope;
import org.envelopelab.routes.delivery.Leg;
import org.envelopelab.routes.delivery.Rejection;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The dead-letter store: messages the transport gave up on (redelivery ran out, or a report that
 * could not be returned), kept whole for an administrator instead of being dropped.
 */
public final class DeadLetters {

    /**
     * A message given up on.
     *
     * @param envelope   the message
     * @param recipients the recipients it was given up for
     * @param reason     the last failure
     * @param at         when
     */
    public record DeadLetter(Envelope envelope, List<String> recipients, String reason, Instant at) {
    }

    private final Ledger ledger;
    private final Clock clock;
    private final List<DeadLetter> letters = new ArrayList<>();

    public DeadLetters(Ledger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Keeps a failed leg, or a whole message that failed before it was split into legs. */
    public synchronized void keep(Object failed, Exception cause) {
        keep(failed, cause, null);
    }

    /**
     * Keeps a failed leg or message; {@code report} (may be null) is the failure report its sender
     * gets, entered in the ledger before the recipients settle, so nobody sees them settled without it.
     */
    public synchronized void keep(Object failed, Exception cause, Envelope report) {
        Envelope envelope;
        Set<String> recipients = new LinkedHashSet<>();
        if (failed instanceof Leg leg) {
            envelope = leg.envelope();
            recipients.addAll(leg.recipients());
            leg.rejections().stream().map(Rejection::recipient).forEach(recipients::add);
        } else if (failed instanceof Envelope whole) {
            envelope = whole;
            recipients.addAll(whole.recipients());
        } else {
            throw new IllegalArgumentException("not a message: " + failed);
        }
        recipients.removeIf(recipient -> !ledger.isPending(envelope, recipient));
        String reason = cause == null ? "undeliverable, and nobody to report it to" : reasonOf(cause);
        if (report != null) {
            ledger.reported(envelope, report);
        }
        ledger.deadLettered(envelope, recipients, reason);
        letters.add(new DeadLetter(envelope, List.copyOf(recipients), reason, clock.instant()));
    }

    public synchronized List<DeadLetter> all() {
        return List.copyOf(letters);
    }

    private static String reasonOf(Exception cause) {
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
