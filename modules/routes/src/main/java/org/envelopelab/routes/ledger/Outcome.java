package org.envelopelab.routes.ledger;

import java.time.Instant;

/**
 * One recipient's disposition, with why and when.
 *
 * @param disposition where the copy stands
 * @param detail      the server's reply or the transport's reason; empty while pending
 * @param at          when it got there
 */
public record Outcome(Disposition disposition, String detail, Instant at) {
}
