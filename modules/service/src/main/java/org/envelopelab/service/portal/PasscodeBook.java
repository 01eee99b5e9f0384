package org.envelopelab.service.portal;

import org.envelopelab.service.protection.Randomness;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The passcodes of every (message link, address) pair: the current one, those a newer request
 * voided, and the count of refused tries. Five refused tries in a row lock the pair for ten
 * minutes; a success or the end of a lock starts the count again. Addresses that are not
 * recipients are counted and locked the same way, so lockouts say nothing about who is one.
 */
final class PasscodeBook {

    static final int MAXIMUM_FAILURES = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(10);
    /** Enough to recognise a superseded passcode; older ones are simply wrong. */
    private static final int VOIDED_KEPT = 5;

    /** The result of one try: accepted when {@code refusal} is null; {@code lockedUntil} set when this try locked the pair. */
    record Attempt(PasscodeRefusal refusal, Instant lockedUntil) {
        boolean accepted() {
            return refusal == null;
        }
    }

    private record Holder(String token, String address) {
    }

    private static final class Entry {
        private Passcode current;
        private final List<Passcode> voided = new ArrayList<>();
        private int failures;
        private Instant lockedUntil;
    }

    private final Map<Holder, Entry> entries = new HashMap<>();

    /** When the pair's lock ends, if it is locked now. */
    synchronized Optional<Instant> lockedUntil(String token, String address, Instant now) {
        Entry entry = entries.get(holder(token, address));
        return entry == null ? Optional.empty() : Optional.ofNullable(unlockIfOver(entry, now));
    }

    /** A new passcode for the pair; any earlier one stops working. */
    synchronized Passcode issue(String token, String address, Randomness randomness, Instant now) {
        Entry entry = entries.computeIfAbsent(holder(token, address), holder -> new Entry());
        if (entry.current != null) {
            entry.voided.add(0, entry.current);
            if (entry.voided.size() > VOIDED_KEPT) {
                entry.voided.remove(VOIDED_KEPT);
            }
        }
        entry.current = Passcode.issue(randomness, now);
        return entry.current;
    }

    synchronized Attempt verify(String token, String address, String candidate, Instant now) {
        Entry entry = entries.computeIfAbsent(holder(token, address), holder -> new Entry());
        Instant locked = unlockIfOver(entry, now);
        if (locked != null) {
            return new Attempt(PasscodeRefusal.LOCKED, null);
        }
        boolean current = entry.current != null && entry.current.matches(candidate);
        // Every voided passcode is compared, whatever the current one gave: no shortcut to time.
        boolean voided = false;
        for (Passcode old : entry.voided) {
            voided |= old.matches(candidate);
        }
        PasscodeRefusal refusal;
        if (current && !entry.current.used() && !entry.current.expiredAt(now)) {
            entry.current.markUsed();
            entry.failures = 0;
            return new Attempt(null, null);
        } else if (current) {
            refusal = entry.current.used() ? PasscodeRefusal.USED : PasscodeRefusal.EXPIRED;
        } else {
            refusal = voided ? PasscodeRefusal.SUPERSEDED : PasscodeRefusal.WRONG;
        }
        entry.failures++;
        if (entry.failures >= MAXIMUM_FAILURES) {
            entry.lockedUntil = now.plus(LOCKOUT);
            return new Attempt(refusal, entry.lockedUntil);
        }
        return new Attempt(refusal, null);
    }

    private static Instant unlockIfOver(Entry entry, Instant now) {
        if (entry.lockedUntil != null && !now.isBefore(entry.lockedUntil)) {
            entry.lockedUntil = null;
            entry.failures = 0;
        }
        return entry.lockedUntil;
    }

    private static Holder holder(String token, String address) {
        return new Holder(token, address.trim().toLowerCase(Locale.ROOT));
    }
}
