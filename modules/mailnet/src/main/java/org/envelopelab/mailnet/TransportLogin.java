package org.envelopelab.mailnet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The credential the lab's transport signs in with when it hands mail to a site, as an
 * organization's own mail servers authenticate to each other (Exchange's "Exchange Server
 * authentication"). Mail that arrives this way may carry the site's own domain as its sender;
 * mail that arrives without signing in is from an outside server and may not (anti-spoofing).
 * The password is drawn from the operating system's randomness for each world, never from a
 * scenario's seed, and is printed nowhere.
 */
public record TransportLogin(String login, String password) {

    static final String LOGIN = "lab-transport";

    /** A fresh login for one world. */
    static TransportLogin create() {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        return new TransportLogin(LOGIN, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    boolean matches(String login, String password) {
        return LOGIN.equals(login) && password != null
                && MessageDigest.isEqual(this.password.getBytes(StandardCharsets.UTF_8),
                        password.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "TransportLogin[" + login + "]";
    }
}
