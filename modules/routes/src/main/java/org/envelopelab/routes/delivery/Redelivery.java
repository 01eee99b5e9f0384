package org.envelopelab.routes.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.envelopelab.routes.ledger.DeadLetters;
import org.envelopelab.routes.ledger.Ledger;
import org.envelopelab.transport.Envelope;

/**
 * The retry queue: a leg whose site did not answer (or answered 4xx) waits here until its next
 * try is due <em>on the transport's clock</em>, then goes back to delivery. The waits double from
 * the schedule's first to its longest; once a message has waited {@link RetrySchedule#delayNotice()}
 * its sender gets one delay notice (RFC 3464 {@code Action: delayed}), and when the tries run out
 * the leg goes to the dead-letter store and the sender gets a failure report ({@code 4.4.7}).
 *
 * <p>Because due times are read from the clock, whoever moves the clock moves the retries: with
 * real time a ticker releases them; in a scenario the lab clock stands still between steps and
 * the runner advances it to each due time ({@link #nextDue()}, {@link #releaseDue()}).
 */
public final class Redelivery {

    /** A leg waiting for its next try. */
    private record Parked(Leg leg, int tries, Instant due, String lastFailure) {
    }

    private final RetrySchedule schedule;
    private final Clock clock;
    private final Ledger ledger;
    private final NonDeliveryReports reports;
    private final DeadLetters deadLetters;
    private final Consumer<Leg> deliver;
    private final Consumer<Envelope> submit;
    private final List<Parked> parked = new ArrayList<>();
    private final Map<String, Integer> tries = new HashMap<>();
    private final Set<String> noticed = new HashSet<>();
    private final List<String> narration = new ArrayList<>();

    /**
     * @param deliver hands a due leg back to delivery
     * @param submit  hands a delay notice or failure report to the transport
     */
    public Redelivery(RetrySchedule schedule, Clock clock, Ledger ledger, NonDeliveryReports reports,
                      DeadLetters deadLetters, Consumer<Leg> deliver, Consumer<Envelope> submit) {
        this.schedule = schedule;
        this.clock = clock;
        this.ledger = ledger;
        this.reports = reports;
        this.deadLetters = deadLetters;
        this.deliver = deliver;
        this.submit = submit;
    }

    /** A try failed for a reason worth another: wait for the next, or give up when the tries ran out. */
    public void park(Leg leg, Exception failure) throws Exception {
        // "gmail.example did not take T000002: Connection refused" -> "Connection refused"
        String reason = TransientDeliveryException.reasonOf(failure)
                .replaceFirst("^\\S+ (did not take \\S+|deferred \\[[^]]*]): ", "");
        Envelope envelope = leg.envelope();
        Instant now = clock.instant();
        Envelope notice = null;
        Envelope failed = null;
        synchronized (this) {
            int tried = tries.merge(key(leg), 1, Integer::sum);
            String who = describe(leg);
            if (tried > schedule.retries()) {
                tries.remove(key(leg));
                String over = words(Duration.between(ledger.acceptedAt(envelope), now));
                narration.add(at(now) + " the transport gives up: " + who + " in " + tried + " tries over " + over
                        + "; the sender gets a failure report and the message goes to the dead-letter store");
                Leg expired = leg.withRejections(pendingOf(leg).stream().map(recipient -> new Rejection(recipient,
                        "4.4.7", "4.4.7 Message expired: " + leg.destination().domain() + " did not take it in "
                        + tried + " tries over " + over + "; the last answer: " + reason)).toList());
                if (reports.canReport(expired)) {
                    failed = reports.expired(expired);
                }
                deadLetters.keep(leg, new TransientDeliveryException(leg.destination().domain() + " did not take it in "
                        + tried + " tries over " + over + ": " + reason, failure), failed);
            } else {
                Instant due = now.plus(schedule.waitAfter(tried));
                parked.add(new Parked(leg, tried, due, reason));
                narration.add(at(now) + " " + who + ": " + reason + "; try " + (tried + 1) + " of "
                        + (schedule.retries() + 1) + " at " + at(due));
                boolean late = !Duration.between(ledger.acceptedAt(envelope), now).minus(schedule.delayNotice())
                        .isNegative();
                if (late && envelope.kind() == Envelope.Kind.MESSAGE && noticed.add(envelope.id())) {
                    notice = reports.delayed(leg, reason, due, ledger.acceptedAt(envelope).plus(schedule.total()));
                    narration.add(at(now) + " the sender " + envelope.sender() + " got a delay notice for '"
                            + envelope.messageId() + "'");
                }
            }
        }
        if (notice != null) {
            submit.accept(notice);
        }
        if (failed != null) {
            submit.accept(failed);
        }
    }

    /** The earliest due time of a waiting leg. */
    public synchronized Optional<Instant> nextDue() {
        return parked.stream().map(Parked::due).min(Comparator.naturalOrder());
    }

    /** Hands every leg whose time has come back to delivery; returns how many. */
    public int releaseDue() {
        List<Leg> due = new ArrayList<>();
        synchronized (this) {
            Instant now = clock.instant();
            parked.removeIf(waiting -> {
                if (waiting.due().isAfter(now)) {
                    return false;
                }
                due.add(waiting.leg());
                return true;
            });
        }
        due.forEach(deliver);
        return due.size();
    }

    /** How many recipients wait in the queue (still pending in the ledger). */
    public synchronized int waitingRecipients() {
        return parked.stream().mapToInt(waiting -> pendingOf(waiting.leg()).size()).sum();
    }

    /** What happened since the last call, one line per try, notice and give-up, stamped with the clock's time. */
    public synchronized List<String> drainNarration() {
        List<String> lines = List.copyOf(narration);
        narration.clear();
        return lines;
    }

    private List<String> pendingOf(Leg leg) {
        return leg.recipients().stream().filter(recipient -> ledger.isPending(leg.envelope(), recipient)).toList();
    }

    private static String key(Leg leg) {
        return leg.envelope().id() + " " + leg.destination().domain();
    }

    private static String describe(Leg leg) {
        return leg.destination().domain() + " did not take '" + leg.envelope().messageId() + "' for "
                + String.join(", ", leg.recipients());
    }

    private static String at(Instant instant) {
        return instant.toString().replace('T', ' ').replace("Z", "").replaceAll("\\.\\d+$", "");
    }

    static String words(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes >= 120) {
            return minutes / 60 + " hours" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " minutes");
        }
        if (minutes >= 1) {
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        return duration.toMillis() + " ms";
    }
}
