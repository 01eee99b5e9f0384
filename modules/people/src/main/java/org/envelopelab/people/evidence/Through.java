package org.envelopelab.people.evidence;

/** How a party came to hold, or to read, what it did. */
public enum Through {
    PLAINTEXT("in the clear"),
    SMIME_KEY("their S/MIME private key"),
    USE_LICENSE("a use license from the service"),
    PORTAL_SESSION("a portal session, after proving who they are"),
    SERVICE_KEY("the service's own keys"),
    WRAPPER_ONLY("the wrapper only: the content stays with the service"),
    CIPHERTEXT("ciphertext, without a key");

    private final String description;

    Through(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
