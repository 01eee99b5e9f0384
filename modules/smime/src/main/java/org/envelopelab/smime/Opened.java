package org.envelopelab.smime;

import jakarta.mail.internet.MimeMessage;

import java.util.List;

/**
 * A received message after a client has taken off every S/MIME layer.
 *
 * @param content      the innermost content: what the person reads
 * @param layers       the layers, outside in, e.g. "authEnveloped-data (aes-256-gcm)", "clear-signed"
 * @param decryption   the innermost decryption, or null when nothing was encrypted
 * @param verification the innermost signature (the author's, in a triple-wrapped message), or
 *                     null when nothing was signed
 */
public record Opened(MimeMessage content, List<String> layers, Decryption decryption, Verification verification) {

    public Opened {
        layers = List.copyOf(layers);
    }

    public boolean encrypted() {
        return decryption != null;
    }

    public boolean signed() {
        return verification != null;
    }
}
