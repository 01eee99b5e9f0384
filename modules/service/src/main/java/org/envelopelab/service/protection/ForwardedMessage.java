package org.envelopelab.service.protection;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.envelopelab.service.message.ComposedMessage;
import org.envelopelab.service.message.OuterHeaders;

import java.io.ByteArrayInputStream;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * A forward of a protected message that its rights allow forwarding (Encrypt-Only): the original
 * attached as message/rfc822, and a {@value #PROTECT_HEADER} field naming the rights template, so
 * that the service protects the new copy for its new recipients when the transport passes it. The
 * forward is in the clear only between the reader's client and their own service.
 */
public final class ForwardedMessage {

    /** Asks the service to protect this message with the named rights template; the transport honours it. */
    public static final String PROTECT_HEADER = "X-EnvelopeLab-Protect";

    private static final Session SESSION = Session.getInstance(new Properties());

    private ForwardedMessage() {
    }

    /**
     * @param from      the forwarding reader's address
     * @param fromName  their display name, or their address
     * @param to        the new recipients
     * @param original  the decrypted original message
     * @param template  the rights template to protect the forward with
     * @param date      when it is forwarded
     * @param messageId a fresh Message-ID
     */
    public static byte[] build(String from, String fromName, List<String> to, byte[] original, String template,
                               Instant date, String messageId) {
        if (to.isEmpty()) {
            throw new IllegalArgumentException("a forward needs at least one recipient");
        }
        OuterHeaders headers = OuterHeaders.read(original);
        try {
            ComposedMessage forward = new ComposedMessage();
            forward.setFrom(fromName.equalsIgnoreCase(from) ? new InternetAddress(from) : new InternetAddress(from, fromName, "UTF-8"));
            forward.setRecipients(Message.RecipientType.TO, String.join(", ", to));
            forward.setSubject(subject(headers.subject()), "UTF-8");
            forward.setSentDate(Date.from(date));
            forward.setHeader("Message-ID", messageId);
            forward.setHeader(PROTECT_HEADER, template);
            MimeBodyPart note = new MimeBodyPart();
            note.setText("---------- Forwarded message ----------\r\n"
                    + "From: " + headers.from().map(InternetAddress::toUnicodeString).orElse("") + "\r\n"
                    + "Subject: " + headers.subject() + "\r\n", "UTF-8");
            MimeBodyPart attached = new MimeBodyPart();
            attached.setContent(new MimeMessage(SESSION, new ByteArrayInputStream(original)), "message/rfc822");
            attached.setDisposition(MimeBodyPart.INLINE);
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(note);
            mixed.addBodyPart(attached);
            forward.setContent(mixed);
            return forward.bytes();
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("the forward cannot be written: " + e.getMessage(), e);
        }
    }

    private static String subject(String original) {
        return original.toLowerCase(Locale.ROOT).startsWith("fw:") || original.toLowerCase(Locale.ROOT).startsWith("fwd:")
                ? original : "FW: " + original;
    }
}
