package org.envelopelab.routes.ledger;

/** Where one recipient's copy of a message stands. Every copy ends in one of the last three. */
public enum Disposition {
    /** Still in the transport (queued, or waiting to be redelivered). */
    PENDING,
    /** Accepted by the recipient's site and stored in the mailbox. */
    DELIVERED,
    /** Refused for good; the sender got a non-delivery report. */
    BOUNCED,
    /** Given up on after redelivery failed; kept in the dead-letter store for an administrator. */
    DEAD_LETTERED
}
