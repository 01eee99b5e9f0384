package org.envelopelab.routes.senders;

import jakarta.mail.internet.MimeMessage;

/**
 * A message on its way out of a simulated person's client: what they wrote, and the MIME message
 * the client made of it (possibly signed and encrypted by now).
 *
 * @param draft   what the person wrote
 * @param message the message as it will be submitted
 */
public record Outgoing(Draft draft, MimeMessage message) {

    public Outgoing with(MimeMessage replaced) {
        return new Outgoing(draft, replaced);
    }
}
