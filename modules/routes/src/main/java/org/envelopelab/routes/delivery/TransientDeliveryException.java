package org.envelopelab.routes.delivery;

/**
 * Delivery failed in a way that may pass — the destination did not answer or answered 4xx — so
 * the transport tries again later (redelivery) before it gives up (dead letter).
 */
public final class TransientDeliveryException extends Exception {

    public TransientDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A failure in one line: its message, or its kind when it has none. */
    public static String reasonOf(Throwable failure) {
        if (failure == null) {
            return "no reason given";
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage().strip();
    }
}
