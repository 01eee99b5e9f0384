package org.envelopelab.service.portal;

import org.envelopelab.service.protection.Randomness;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The passcodes of every (message link, address) pair: the current one, and those a newer request
 * voided. Counting refused tries is {@link SignInThrottle}'s.
 */
final class PasscodeBook {

    /** Enough to recognise a superseded passcode; older ones are simply wrong. */
    private static final int VOIDED_KEPT = 5;

    private record Holder(String token, String address) {
    }

    private static final class Entry {
        private Passcode current;
        private final List<Passcode> voided = new ArrayList<>();
    }

    private final Map<Holder, Entry> entries = new HashMap<>();

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

    /** Null when the candidate is the pair's current passcode, unused and unexpired (it is used up now); else why not. */
    synchronized SignInRefusal verify(String token, String address, String candidate, Instant now) {
        Entry entry = entries.computeIfAbsent(holder(token, address), holder -> new Entry());
        boolean current = entry.current != null && entry.current.matches(candidate);
        // Every voided passcode is compared, whatever the current one gave: no shortcut to time.
        boolean voided = false;
        for (Passcode old : entry.voided) {
            voided |= old.matches(candidate);
        }
        if (current && !entry.current.used() && !entry.current.expiredAt(now)) {
            entry.current.markUsed();
            return null;
        } else if (current) {
            return entry.current.used() ? SignInRefusal.USED : SignInRefusal.EXPIRED;
        }
        return voided ? SignInRefusal.SUPERSEDED : SignInRefusal.WRONG;
    }

    private static Holder holder(String token, String address) {
        return new Holder(token, address.trim().toLowerCase(Locale.ROOT));
    }
}
