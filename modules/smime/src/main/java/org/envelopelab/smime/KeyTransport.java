package org.envelopelab.smime;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the content key is encrypted for a recipient with an RSA certificate (RFC 8551 section
 * 2.7.1): PKCS#1 v1.5 (MUST-, kept for old clients) or RSAES-OAEP with SHA-256 and MGF1-SHA-256
 * (SHOULD+). Recipients with EC certificates always use ECDH key agreement instead.
 */
public enum KeyTransport {
    RSA_PKCS1_V1_5("rsa-pkcs1"),
    RSA_OAEP_SHA256("rsa-oaep-sha256");

    private final String label;

    KeyTransport(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The key transport for a label; the error lists the labels there are. */
    public static KeyTransport ofLabel(String label) {
        for (KeyTransport transport : values()) {
            if (transport.label.equals(label.toLowerCase(Locale.ROOT))) {
                return transport;
            }
        }
        throw new IllegalArgumentException("unknown key transport '" + label + "' (key transports: "
                + Arrays.stream(values()).map(KeyTransport::label).collect(Collectors.joining(", ")) + ")");
    }
}
