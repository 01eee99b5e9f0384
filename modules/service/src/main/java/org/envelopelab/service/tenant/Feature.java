package org.envelopelab.service.tenant;

/** What a tenant may use of the message encryption service, depending on its plan. */
public enum Feature {
    MESSAGE_ENCRYPTION("message encryption"),
    REVOCATION("revoking messages"),
    EXPIRY("expiry of mail to outside recipients"),
    MULTIPLE_BRANDING_TEMPLATES("more than one branding template"),
    PORTAL_AUDIT("portal audit logs");

    private final String description;

    Feature(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Whether this feature is one of Advanced Message Encryption's. */
    public boolean advanced() {
        return this != MESSAGE_ENCRYPTION;
    }
}
