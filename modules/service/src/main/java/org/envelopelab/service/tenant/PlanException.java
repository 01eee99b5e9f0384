package org.envelopelab.service.tenant;

/** A tenant tried to use a feature its plan lacks; the message names what it would need. */
public final class PlanException extends RuntimeException {

    public PlanException(String message) {
        super(message);
    }
}
