package org.envelopelab.smime;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/** Messages for the tests, composed as a mail client composes them, and ways to look inside. */
final class Letters {

    static final Session SESSION = Session.getInstance(new Properties());
    static final String TEXT = "Dear Bob,\r\n\r\nthe quarterly numbers are attached: revenue 4.2 M, margin 11 %.\r\nGrüße, Alice\r\n";

    private Letters() {
    }

    static MimeMessage letter() throws MessagingException {
        return letter(TEXT);
    }

    static MimeMessage letter(String text) throws MessagingException {
        MimeMessage message = new MimeMessage(SESSION);
        message.setFrom("alice@contoso.example");
        message.setRecipients(Message.RecipientType.TO, "bob@contoso.example");
        message.setRecipients(Message.RecipientType.CC, "carol@contoso.example");
        message.setSubject("Quarterly numbers");
        message.setSentDate(new Date());
        message.setText(text, "UTF-8");
        message.saveChanges();
        return message;
    }

    /** A letter with an attachment: multipart/mixed inside the protection. */
    static MimeMessage letterWithAttachment() throws MessagingException {
        MimeMessage message = letter();
        MimeBodyPart text = new MimeBodyPart();
        text.setText(TEXT, "UTF-8");
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setContent("region,revenue\nnorth,2.1\nsouth,2.1\n", "text/csv");
        attachment.setFileName("numbers.csv");
        MimeMultipart mixed = new MimeMultipart("mixed", text, attachment);
        message.setContent(mixed);
        message.saveChanges();
        return message;
    }

    static byte[] bytes(MimeMessage message) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    static MimeMessage parse(byte[] bytes) throws MessagingException {
        return new MimeMessage(SESSION, new ByteArrayInputStream(bytes));
    }

    /** What a mail transport does with a message: save its changes, write it out, and parse it at the other end. */
    static MimeMessage transported(MimeMessage message) throws MessagingException, IOException {
        message.saveChanges();
        return parse(bytes(message));
    }

    /** The text of a single-part message, or of the first part of a multipart one. */
    static String text(MimeMessage message) throws MessagingException, IOException {
        Object content = message.getContent();
        if (content instanceof MimeMultipart multipart) {
            BodyPart first = multipart.getBodyPart(0);
            return (String) first.getContent();
        }
        return (String) content;
    }

    /** The entity S/MIME protects: the Content-* header lines, a blank line and the body, as in the message bytes. */
    static byte[] entity(MimeMessage message) throws MessagingException, IOException {
        String wire = new String(bytes(message), StandardCharsets.ISO_8859_1);
        int end = wire.indexOf("\r\n\r\n");
        StringBuilder entity = new StringBuilder();
        String field = null;
        for (String line : wire.substring(0, end).split("\r\n")) {
            boolean continuation = line.startsWith(" ") || line.startsWith("\t");
            if (!continuation) {
                field = line;
            }
            if (field.regionMatches(true, 0, "Content-", 0, 8)) {
                entity.append(line).append("\r\n");
            }
        }
        entity.append("\r\n").append(wire.substring(end + 4));
        return entity.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
