package org.envelopelab.service.protection;

import java.time.Instant;

/**
 * That a message was revoked, by whom and when.
 *
 * @param by the sender or an administrator
 * @param at when it took effect: at once, for every portal request after it
 */
public record Revocation(String by, Instant at) {
}
