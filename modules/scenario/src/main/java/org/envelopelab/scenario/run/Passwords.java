package org.envelopelab.scenario.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Lab account passwords: the local part of the address and six letters derived from the run's
 * seed, e.g. {@code carol-kxwqpt}. Deterministic, so a student can log in with the same password
 * every time; printed by {@code lab serve}. Not secrets — this is a lab on loopback.
 */
final class Passwords {

    private static final String LETTERS = "abcdefghjkmnpqrstuvwxyz";

    private Passwords() {
    }

    static String derive(long seed, String address) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((seed + "/" + address).getBytes(StandardCharsets.UTF_8));
            StringBuilder password = new StringBuilder(address.substring(0, address.indexOf('@'))).append('-');
            for (int i = 0; i < 6; i++) {
                password.append(LETTERS.charAt((digest[i] & 0xff) % LETTERS.length()));
            }
            return password.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
