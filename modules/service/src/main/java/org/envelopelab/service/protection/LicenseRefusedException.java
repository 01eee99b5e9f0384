package org.envelopelab.service.protection;

/** The service would not issue a use license; {@link #reason()} says why, the message says it in a sentence. */
public final class LicenseRefusedException extends ProtectionException {

    private final LicenseRefusal reason;

    public LicenseRefusedException(LicenseRefusal reason, String message) {
        super(message);
        this.reason = reason;
    }

    public LicenseRefusedException(LicenseRefusal reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public LicenseRefusal reason() {
        return reason;
    }
}
