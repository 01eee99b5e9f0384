package org.envelopelab.service.protection;

/**
 * A protected message cannot be made, read or unlocked: it is malformed, it was changed, or it
 * belongs to another tenant. The message is one sentence a student can read.
 */
public class ProtectionException extends RuntimeException {

    public ProtectionException(String message) {
        super(message);
    }

    public ProtectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
