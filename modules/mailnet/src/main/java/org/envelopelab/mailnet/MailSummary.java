package org.envelopelab.mailnet;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * What a message says about itself: the main headers and its MIME parts. Parsing never
 * decrypts anything, so an encrypted message shows as one opaque part.
 *
 * @param messageId   the Message-ID header, angle brackets included; empty when missing
 * @param from        the From header as written
 * @param to          the To addresses
 * @param cc          the Cc addresses
 * @param subject     the decoded subject; empty when missing
 * @param date        the Date header, or null
 * @param contentType the top-level media type, e.g. {@code multipart/mixed}
 * @param size        the size in bytes
 * @param parts       the leaf parts, depth first
 */
public record MailSummary(String messageId, String from, List<String> to, List<String> cc, String subject,
                          Instant date, String contentType, int size, List<MailPart> parts) {

    private static final Session PARSING = Session.getInstance(new Properties());

    public static MailSummary parse(byte[] raw) {
        try {
            MimeMessage message = new MimeMessage(PARSING, new ByteArrayInputStream(raw));
            List<MailPart> parts = new ArrayList<>();
            collect(message, "1", parts);
            return new MailSummary(
                    orEmpty(message.getMessageID()),
                    orEmpty(message.getHeader("From", ", ")),
                    addresses(message.getRecipients(Message.RecipientType.TO)),
                    addresses(message.getRecipients(Message.RecipientType.CC)),
                    orEmpty(message.getSubject()),
                    message.getSentDate() == null ? null : message.getSentDate().toInstant(),
                    baseType(message.getContentType()),
                    raw.length,
                    List.copyOf(parts));
        } catch (MessagingException | IOException e) {
            throw new IllegalArgumentException("not a parseable message: " + e.getMessage(), e);
        }
    }

    /** The parts that are attachments (a file name or an attachment disposition). */
    public List<MailPart> attachments() {
        return parts.stream().filter(MailPart::attachment).toList();
    }

    private static void collect(Part part, String path, List<MailPart> into) throws MessagingException, IOException {
        String type = baseType(part.getContentType());
        if (type.startsWith("multipart/")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, path + "." + (i + 1), into);
            }
            return;
        }
        String fileName = part.getFileName();
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
        into.add(new MailPart(path, type, fileName == null ? "" : fileName, attachment, Math.max(part.getSize(), 0)));
    }

    static String baseType(String contentType) {
        if (contentType == null) {
            return "text/plain";
        }
        try {
            return new ContentType(contentType).getBaseType().toLowerCase(java.util.Locale.ROOT);
        } catch (MessagingException e) {
            return contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
