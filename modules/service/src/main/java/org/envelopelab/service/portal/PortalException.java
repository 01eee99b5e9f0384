package org.envelopelab.service.portal;

/** The portal cannot do what was asked; the message is the sentence for the page. */
public final class PortalException extends RuntimeException {

    /** Why, for the caller (an HTTP status, a scenario's expectation). */
    public enum Reason {
        UNKNOWN_LINK,
        PASSCODES_OFF,
        SOCIAL_SIGN_IN_OFF,
        SESSION_ENDED,
        REVOKED,
        EXPIRED,
        NOT_AUTHORIZED,
        NO_SUCH_ATTACHMENT
    }

    private final Reason reason;

    public PortalException(Reason reason, String page) {
        super(page);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
