package org.envelopelab.smime;

/**
 * Something a client cannot do with a message: it is malformed, it is not for this key, or it was
 * changed on the way. The message is one sentence a student can act on.
 */
public final class SmimeException extends Exception {

    public SmimeException(String message) {
        super(message);
    }

    public SmimeException(String message, Throwable cause) {
        super(message, cause);
    }
}
