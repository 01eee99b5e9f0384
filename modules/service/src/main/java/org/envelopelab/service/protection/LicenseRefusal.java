package org.envelopelab.service.protection;

/** Why the service would not issue a use license. */
public enum LicenseRefusal {
    /** Neither the sender nor an original recipient. */
    NOT_AUTHORIZED,
    /** An outside recipient asked a same-tenant mail client's way; they read in the portal. */
    OUTSIDE_READER,
    REVOKED,
    EXPIRED,
    /** The message is not this tenant's, or was changed: its policy MAC does not match. */
    NOT_VERIFIED,
    UNKNOWN_MESSAGE
}
