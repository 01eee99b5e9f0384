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

    /** For people: "delivered (250 OK)", "bounced (550 5.1.1 ...)", "pending". */
    public String describe() {
        String name = disposition.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return detail.isEmpty() ? name : name + " (" + detail + ")";
    }
}
