package org.envelopelab.routes.ledger;

import java.time.Instant;
import java.util.List;

/**
 * One SMTP connection's worth of a message's journey between two servers: what crossed the wire.
 * The lab runs SMTP without TLS, so these bytes are what anyone on the network path could read.
 *
 * @param from       the domain of the sending site
 * @param to         the domain of the receiving site
 * @param recipients the recipients this transfer was for
 * @param content    the message bytes as transmitted
 * @param at         when the receiving server accepted them
 */
public record Relay(String from, String to, List<String> recipients, byte[] content, Instant at) {
}
