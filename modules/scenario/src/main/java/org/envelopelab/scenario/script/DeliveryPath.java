package org.envelopelab.scenario.script;

import java.util.Locale;

/**
 * The three ways the lab can send the same message, as scripts name them in {@code paths} and
 * {@code path}: in the clear, S/MIME from client to client, or through the organization's message
 * encryption service in transport.
 */
public enum DeliveryPath {
    PLAIN("plain", "in the clear"),
    SMIME("smime", "S/MIME"),
    SERVICE("service", "the message encryption service");

    private final String key;
    private final String title;

    DeliveryPath(String key, String title) {
        this.key = key;
        this.title = title;
    }

    /** How scripts write it. */
    public String key() {
        return key;
    }

    /** How tables head its column. */
    public String title() {
        return title;
    }

    public static java.util.Optional<DeliveryPath> of(String key) {
        String wanted = key.trim().toLowerCase(Locale.ROOT);
        for (DeliveryPath path : values()) {
            if (path.key.equals(wanted)) {
                return java.util.Optional.of(path);
            }
        }
        return java.util.Optional.empty();
    }

    @Override
    public String toString() {
        return key;
    }
}
