package org.envelopelab.people.evidence;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one record of who could read what, and when: every person's action and every hand-over in
 * the transport appends {@link Evidence} here, stamped with the step under way and the lab clock.
 * Only followed messages (the scenario's own, and replies it follows) are recorded; mail such as
 * passcodes and certificate exchanges is part of the story but not judged.
 */
public final class Timeline {

    private final Clock clock;
    private final List<Evidence> entries = new ArrayList<>();
    private final Map<String, Followed> byMessageId = new LinkedHashMap<>();
    private int step;

    public Timeline(Clock clock) {
        this.clock = clock;
    }

    /** From now on, evidence is stamped with this step. */
    public synchronized void beginStep(int number) {
        step = number;
    }

    public synchronized int step() {
        return step;
    }

    /** Starts following a message: evidence about it is recorded from now on. */
    public synchronized void follow(Followed message) {
        byMessageId.put(message.messageId(), message);
    }

    /** Stops following a message that was never sent after all, and forgets what was recorded about it. */
    public synchronized void unfollow(String messageId) {
        Followed message = byMessageId.remove(messageId);
        if (message != null) {
            entries.removeIf(evidence -> evidence.message().equals(message.id()));
        }
    }

    public synchronized Optional<Followed> followed(String messageId) {
        return Optional.ofNullable(byMessageId.get(messageId));
    }

    /**
     * Who someone reading a message is: a recipient, or, when the copy they read is a forward, a
     * forwardee of the original.
     */
    public synchronized Party reader(String messageId, String address) {
        Followed message = byMessageId.get(messageId);
        return message != null && message.forwarded() ? Party.forwardee(address) : Party.recipient(address);
    }

    /**
     * Who someone is who holds only a message's link: its forwardee, when a forward of it reached
     * them, or else someone it was never sent to.
     */
    public synchronized Party outsider(String messageId, String address) {
        Followed message = byMessageId.get(messageId);
        boolean forwardee = message != null && byMessageId.values().stream().anyMatch(other -> other.forwarded()
                && other.id().equals(message.id()) && other.recipients().stream().anyMatch(address::equalsIgnoreCase));
        return forwardee ? Party.forwardee(address) : Party.linkHolder(address);
    }

    /** Every followed message, in the order they were followed. */
    public synchronized List<Followed> messages() {
        return List.copyOf(byMessageId.values());
    }

    /**
     * A party held (or read) a followed message: {@code sight} is what it could make of it. Parts
     * the message does not have are {@link Access#NONE}, whatever the copy looked like.
     */
    public synchronized void held(Party party, String messageId, Sight sight, Through through, String detail) {
        held(step, clock.instant(), party, messageId, sight, through, detail);
    }

    /**
     * As {@link #held(Party, String, Sight, Through, String)}, at a given step and time: the
     * transport's hand-overs are stamped with the step that sent the message and the time they
     * happened, whenever they are recorded, so every run writes the same timeline.
     */
    public synchronized void held(int atStep, Instant at, Party party, String messageId, Sight sight, Through through,
                                  String detail) {
        Followed message = byMessageId.get(messageId);
        if (message == null) {
            return;
        }
        // A forward carries the original as an attached message: that is not a file of the message.
        Access attachments = message.hasAttachments() ? sight.attachments() : Access.NONE;
        entries.add(new Evidence(atStep, at, message.id(), party, Evidence.Outcome.HELD, sight.headers(),
                sight.body(), attachments, sight.attachmentNames(), sight.secretsIn(message.secrets()), through, "",
                detail));
    }

    /** A party asked to read a followed message and was refused. */
    public synchronized void refused(Party party, String messageId, String reason, String detail) {
        record(step, clock.instant(), party, messageId, Evidence.Outcome.REFUSED, reason, detail);
    }

    /** A followed message never reached a party; stamped like the transport's other hand-overs. */
    public synchronized void missed(int atStep, Instant at, Party party, String messageId, String reason, String detail) {
        record(atStep, at, party, messageId, Evidence.Outcome.MISSED, reason, detail);
    }

    private void record(int atStep, Instant at, Party party, String messageId, Evidence.Outcome outcome, String reason,
                        String detail) {
        Followed message = byMessageId.get(messageId);
        if (message != null) {
            entries.add(new Evidence(atStep, at, message.id(), party, outcome, Access.NEVER, Access.NEVER,
                    Access.NEVER, List.of(), List.of(), null, reason, detail));
        }
    }

    /**
     * Everything recorded, by step (and in the order it was recorded within a step). The
     * transport's hand-overs, recorded once they settled, take their place at the step that sent
     * the message.
     */
    public synchronized List<Evidence> entries() {
        List<Evidence> ordered = new ArrayList<>(entries);
        ordered.sort(Comparator.comparingInt(Evidence::step));
        return List.copyOf(ordered);
    }

    /** What was recorded about one message (by the scenario's id), in order. */
    public List<Evidence> about(String id) {
        return entries().stream().filter(evidence -> evidence.message().equals(id)).toList();
    }
}
