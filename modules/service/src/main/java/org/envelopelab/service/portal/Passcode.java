package org.envelopelab.service.portal;

import org.envelopelab.service.protection.Randomness;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;

/**
 * A one-time passcode: eight random digits, valid for fifteen minutes, good for one sign-in, with a
 * four-letter reference code that appears both on the portal page and in the mail, so the recipient
 * can tell which mail belongs to which request. Compared in constant time; never printed.
 */
final class Passcode {

    /** Eight digits: 10^8 values against at most five guesses per ten minutes. */
    static final int LENGTH = 8;
    static final int REFERENCE_LENGTH = 4;
    static final Duration VALIDITY = Duration.ofMinutes(15);

    private final byte[] value;
    private final String reference;
    private final Instant expires;
    private boolean used;

    private Passcode(String value, String reference, Instant expires) {
        this.value = value.getBytes(StandardCharsets.US_ASCII);
        this.reference = reference;
        this.expires = expires;
    }

    static Passcode issue(Randomness randomness, Instant now) {
        return new Passcode(randomness.digits(LENGTH), randomness.letters(REFERENCE_LENGTH), now.plus(VALIDITY));
    }

    /** The digits, for the one mail that carries them. */
    String value() {
        return new String(value, StandardCharsets.US_ASCII);
    }

    String reference() {
        return reference;
    }

    Instant expires() {
        return expires;
    }

    boolean used() {
        return used;
    }

    void markUsed() {
        used = true;
    }

    boolean expiredAt(Instant now) {
        return !now.isBefore(expires);
    }

    /** MessageDigest.isEqual takes the same time wherever the first wrong digit is. */
    boolean matches(String candidate) {
        return MessageDigest.isEqual(value, candidate.trim().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "Passcode[reference " + reference + ", expires " + expires + (used ? ", used" : "") + "]";
    }
}
