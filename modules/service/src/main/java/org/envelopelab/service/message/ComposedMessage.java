package org.envelopelab.service.message;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Properties;

/**
 * A message the service writes itself — a wrapper, a passcode mail, a forward — which keeps the
 * Message-ID it is given: Jakarta Mail would otherwise invent a new one when the message is saved,
 * and a wrapper must thread with the message it stands for.
 */
public final class ComposedMessage extends MimeMessage {

    private static final Session SESSION = Session.getInstance(new Properties());

    public ComposedMessage() {
        super(SESSION);
    }

    @Override
    protected void updateMessageID() {
        // The Message-ID is set (or copied) by whoever composes the message.
    }

    /** The finished message as it goes on the wire. */
    public byte[] bytes() {
        try {
            saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("the composed message cannot be written: " + e.getMessage(), e);
        }
    }
}
