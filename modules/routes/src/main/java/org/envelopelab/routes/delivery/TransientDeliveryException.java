package org.envelopelab.routes.delivery;

/**
 * Delivery failed in a way that may pass — the destination did not answer or answered 4xx — so
 * the transport tries again later (redelivery) before it gives up (dead letter).
 */
public final class TransientDeliveryException extends Exception {

    public TransientDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
