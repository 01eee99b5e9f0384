package org.envelopelab.service.message;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * A message as its reader sees it once it is decrypted: subject, author, date, the text and HTML
 * bodies, and the attached files. The portal shows this; a reader's client prints and copies from it.
 *
 * @param subject     the subject, decoded
 * @param from        the author as "Name &lt;address&gt;" (no quotes around the name), or the address alone
 * @param sentAt      the Date field, or null when the message has none
 * @param text        the first text/plain body, or ""
 * @param html        the first text/html body, or "" — the author's markup, untrusted: render it sandboxed
 * @param attachments every part with a file name, and every part that is neither text nor multipart
 *
 * <p>The author's name and the file names are shown as {@link ShownName} has them: a sender cannot
 * make the page list an executable as "invoiceexe.pdf".
 */
public record OriginalMessage(String subject, String from, Instant sentAt, String text, String html,
                              List<Attachment> attachments) {

    private static final Session SESSION = Session.getInstance(new Properties());

    public OriginalMessage {
        attachments = List.copyOf(attachments);
    }

    public static OriginalMessage parse(byte[] message) {
        try {
            MimeMessage mime = new MimeMessage(SESSION, new ByteArrayInputStream(message));
            // From OuterHeaders, which reads header bytes as UTF-8 (RFC 6532); Jakarta Mail would read them as Latin-1.
            String from = OuterHeaders.read(message).from().map(OriginalMessage::author).orElse("");
            Bodies bodies = new Bodies();
            bodies.walk(mime);
            return new OriginalMessage(mime.getSubject() == null ? "" : mime.getSubject(), from,
                    mime.getSentDate() == null ? null : mime.getSentDate().toInstant(), bodies.text, bodies.html,
                    bodies.attachments);
        } catch (MessagingException | IOException e) {
            throw new IllegalArgumentException("the message cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * "Dr. Morgan Lee &lt;morgan@example.test&gt;": the name as people write it, without the quotes
     * RFC 5322 needs around a name with a full stop, and the address; the address alone without a name.
     */
    private static String author(InternetAddress address) {
        String name = ShownName.of(address.getPersonal()).strip();
        return name.isEmpty() ? address.getAddress() : name + " <" + address.getAddress() + ">";
    }

    /** Collects the bodies and files of a MIME tree, depth first, as a mail client lists them. */
    private static final class Bodies {
        private String text = "";
        private String html = "";
        private final List<Attachment> attachments = new ArrayList<>();

        void walk(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    walk(multipart.getBodyPart(i));
                }
                return;
            }
            boolean attached = part.getFileName() != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
            if (!attached && part.isMimeType("text/plain") && text.isEmpty()) {
                text = String.valueOf(part.getContent());
            } else if (!attached && part.isMimeType("text/html") && html.isEmpty()) {
                html = String.valueOf(part.getContent());
            } else if (attached || !part.isMimeType("text/*")) {
                attachments.add(attachment(part));
            }
        }

        private Attachment attachment(Part part) throws MessagingException, IOException {
            String type = new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
            String name = part.getFileName() != null ? ShownName.of(part.getFileName())
                    : type.equals("message/rfc822") ? "message.eml" : "attachment-" + (attachments.size() + 1);
            try (InputStream content = part.getInputStream()) {
                return new Attachment(name, type, content.readAllBytes());
            }
        }
    }
}
