package org.envelopelab.smime.client;

import jakarta.mail.internet.MimeMessage;

import java.util.List;

/**
 * What a person's client made of a message it received.
 *
 * @param content   what the person can read: the decrypted, unwrapped content; null when it could not decrypt
 * @param layers    the S/MIME layers, outside in ("authEnveloped-data (aes-256-gcm)", "clear-signed")
 * @param encrypted whether the message was encrypted
 * @param problem   why the client could not open it; empty when it could
 * @param signature the signature check, or null when the message was not signed
 * @param learned   addresses whose certificates the client added to its address book
 */
public record Reading(MimeMessage content, List<String> layers, boolean encrypted, String problem,
                      SignatureCheck signature, List<String> learned) {

    public Reading {
        layers = List.copyOf(layers);
        learned = List.copyOf(learned);
    }

    public boolean readable() {
        return content != null;
    }
}
