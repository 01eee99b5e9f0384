package org.envelopelab.service.protection;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The service's source of unguessable values — keys, nonces, link tokens, session ids, passcodes,
 * reference codes and Message-IDs — all drawn from the one injected {@link SecureRandom}, so a
 * test can make a run repeatable and production can choose its generator.
 */
public final class Randomness {

    /** 192 bits: far beyond guessing, and 32 URL-safe characters. */
    private static final int TOKEN_BYTES = 24;

    private final SecureRandom random;

    public Randomness(SecureRandom random) {
        this.random = random;
    }

    public byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A 192-bit token in URL-safe base64 without padding: fit for a link or a cookie. */
    public String token() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(TOKEN_BYTES));
    }

    /** A string of decimal digits, each uniform (no modulo bias). */
    public String digits(int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    /** Capital letters A to Z, each uniform: reference codes people can read out. */
    public String letters(int count) {
        StringBuilder letters = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            letters.append((char) ('A' + random.nextInt(26)));
        }
        return letters.toString();
    }

    /** A fresh Message-ID at a domain: "&lt;1767225600000.9f86d081884c7d65@contoso.example&gt;". */
    public String messageId(String domain, Clock clock) {
        return "<" + clock.millis() + "." + HexFormat.of().formatHex(bytes(8)) + "@" + domain + ">";
    }

    /** A MIME boundary that cannot occur in base64 or quoted-printable text ("=_" never does). */
    String boundary(String purpose) {
        return "=_" + purpose + "_" + HexFormat.of().formatHex(bytes(12));
    }
}
