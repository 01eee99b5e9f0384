package org.envelopelab.smime;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Properties;

/**
 * Moves between Jakarta Mail messages and the bytes on the wire. Every message the lab returns is
 * parsed from finished bytes: Bouncy Castle's S/MIME generators are lazy and encrypt again on each
 * writeTo (a new GCM nonce, a new ciphertext), and a parsed message is written back byte for byte.
 */
final class MessageBytes {

    private MessageBytes() {
    }

    /** The message as it would be sent (Jakarta Mail saves a composed message's changes first). */
    static byte[] of(MimeMessage message) throws SmimeException {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            message.writeTo(bytes);
            return bytes.toByteArray();
        } catch (IOException | MessagingException e) {
            throw new SmimeException("cannot write the message out: " + e.getMessage(), e);
        }
    }

    static MimeMessage message(byte[] bytes, Session session) throws SmimeException {
        try {
            return new ParsedMessage(session, new ByteArrayInputStream(bytes));
        } catch (MessagingException e) {
            throw new SmimeException("cannot read the message back: " + MalformedReason.of(e), e);
        }
    }

    /** The session the message belongs to, or a plain one: the lab's messages need no mail server. */
    static Session sessionOf(MimeMessage message) {
        Session session = message.getSession();
        return session != null ? session : Session.getInstance(new Properties());
    }
}
