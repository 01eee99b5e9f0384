package org.envelopelab.service.rules;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Turns the bytes on the wire into {@link MailFacts}: walks the MIME tree as a mail client shows
 * it — one alternative of multipart/alternative (plain text when there is one, so a message is not
 * counted twice), the content of multipart/signed without its signature, text parts as the body
 * and everything with a file name as an attachment.
 */
final class MessageReader {

    private static final Session SESSION = Session.getInstance(new Properties());

    private MessageReader() {
    }

    static MailFacts read(byte[] raw, String envelopeSender, List<String> envelopeRecipients) {
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            String sender = envelopeSender == null || envelopeSender.isBlank() ? fromHeader(message) : envelopeSender;
            List<String> recipients = envelopeRecipients == null || envelopeRecipients.isEmpty()
                    ? recipientHeaders(message) : envelopeRecipients;
            Contents contents = new Contents();
            boolean opaque = opaque(message);
            if (!opaque) {
                contents.walk(message);
            }
            return new MailFacts(sender, recipients, message.getSubject(), String.join("\n\n", contents.body),
                    contents.attachments, opaque, contents.protectedByService, requestedTemplate(message));
        } catch (MessagingException | IOException e) {
            throw new IllegalArgumentException("the message cannot be read: " + e.getMessage(), e);
        }
    }

    /** Encrypted, or signed inside CMS: the service holds no key and reads no further. */
    private static boolean opaque(MimeMessage message) {
        return OpaqueSmime.opaque(message);
    }

    private static String requestedTemplate(MimeMessage message) throws MessagingException, UnsupportedEncodingException {
        String header = message.getHeader(MailFacts.PROTECT_HEADER, ",");
        return header == null ? null : MimeUtility.decodeText(MimeUtility.unfold(header)).strip();
    }

    private static String fromHeader(MimeMessage message) throws MessagingException {
        List<String> from = addresses(message.getHeader("From", ","));
        return from.isEmpty() ? "" : from.get(0);
    }

    private static List<String> recipientHeaders(MimeMessage message) throws MessagingException {
        List<String> recipients = new ArrayList<>();
        for (Message.RecipientType type : List.of(Message.RecipientType.TO, Message.RecipientType.CC, Message.RecipientType.BCC)) {
            recipients.addAll(addresses(message.getHeader(type.toString(), ",")));
        }
        return recipients;
    }

    /** Addresses from a header, leniently: a badly written header gives what can be read, not an error. */
    private static List<String> addresses(String header) {
        if (header == null) {
            return List.of();
        }
        try {
            List<String> addresses = new ArrayList<>();
            for (Address address : InternetAddress.parseHeader(header, false)) {
                addresses.add(((InternetAddress) address).getAddress());
            }
            return addresses;
        } catch (AddressException e) {
            return List.of();
        }
    }

    /** What one message holds, collected while walking its parts. */
    private static final class Contents {

        private final List<String> body = new ArrayList<>();
        private final List<MailFacts.AttachmentText> attachments = new ArrayList<>();
        private boolean protectedByService;

        void walk(Part part) throws MessagingException, IOException {
            ContentType type = contentType(part);
            if (type.match(MailFacts.PROTECTED_TYPE)) {
                protectedByService = true;
                if (!(part instanceof MimeMessage)) {
                    attachments.add(new MailFacts.AttachmentText(name(part, type), baseType(type), null));
                }
            } else if (type.getPrimaryType().equalsIgnoreCase("multipart") && part.getContent() instanceof Multipart multipart) {
                walkMultipart(type, multipart);
            } else if (type.match("message/rfc822")) {
                attachments.add(attachedMessage(part, type));
            } else if (isText(type) && !isAttachment(part)) {
                body.add(visibleText(part, type));
            } else {
                attachments.add(new MailFacts.AttachmentText(name(part, type), baseType(type),
                        isText(type) ? visibleText(part, type) : null));
            }
        }

        private void walkMultipart(ContentType type, Multipart multipart) throws MessagingException, IOException {
            if (multipart.getCount() == 0) {
                return;
            }
            if (type.match("multipart/alternative")) {
                walk(preferredAlternative(multipart));
            } else if (type.match("multipart/signed")) {
                // The second part is the signature: proof of the sender, not an attachment they sent.
                walk(multipart.getBodyPart(0));
            } else {
                for (int i = 0; i < multipart.getCount(); i++) {
                    walk(multipart.getBodyPart(i));
                }
            }
        }

        /** Plain text when there is one, otherwise the last (richest) alternative, as RFC 2046 orders them. */
        private static Part preferredAlternative(Multipart alternatives) throws MessagingException {
            for (int i = 0; i < alternatives.getCount(); i++) {
                if (contentType(alternatives.getBodyPart(i)).match("text/plain")) {
                    return alternatives.getBodyPart(i);
                }
            }
            return alternatives.getBodyPart(alternatives.getCount() - 1);
        }

        /** A forwarded message: its subject, body and text attachments are text the rules should see. */
        private MailFacts.AttachmentText attachedMessage(Part part, ContentType type) throws MessagingException, IOException {
            String name = part.getFileName() != null ? name(part, type) : "attached message";
            if (!(part.getContent() instanceof MimeMessage inner) || opaque(inner)) {
                return new MailFacts.AttachmentText(name, baseType(type), null);
            }
            Contents nested = new Contents();
            nested.walk(inner);
            List<String> texts = new ArrayList<>();
            if (inner.getSubject() != null) {
                texts.add(inner.getSubject());
            }
            texts.addAll(nested.body);
            nested.attachments.stream().filter(attachment -> attachment.text() != null).forEach(attachment -> texts.add(attachment.text()));
            return new MailFacts.AttachmentText(name, baseType(type), String.join("\n\n", texts));
        }
    }

    private static boolean isText(ContentType type) {
        return type.getPrimaryType().equalsIgnoreCase("text");
    }

    private static boolean isAttachment(Part part) throws MessagingException {
        return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
    }

    private static String visibleText(Part part, ContentType type) throws MessagingException, IOException {
        String text = decodedText(part, type);
        return type.match("text/html") ? HtmlText.of(text) : text;
    }

    /** The part's text: transfer encoding undone, then its charset applied (UTF-8 when it names none or an unknown one). */
    private static String decodedText(Part part, ContentType type) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readAllBytes();
        } catch (MessagingException e) {
            // An unknown Content-Transfer-Encoding: what is there is all there is to read.
            bytes = rawBytes(part);
        }
        return new String(bytes, charset(type));
    }

    private static byte[] rawBytes(Part part) throws MessagingException, IOException {
        InputStream raw = part instanceof MimeBodyPart bodyPart ? bodyPart.getRawInputStream()
                : ((MimeMessage) part).getRawInputStream();
        try (raw) {
            return raw.readAllBytes();
        }
    }

    private static Charset charset(ContentType type) {
        String name = type.getParameter("charset");
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(MimeUtility.javaCharset(name));
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static String name(Part part, ContentType type) throws MessagingException {
        String fileName = part.getFileName();
        if (fileName != null) {
            try {
                return MimeUtility.decodeText(fileName);
            } catch (UnsupportedEncodingException e) {
                return fileName;
            }
        }
        return "unnamed " + baseType(type);
    }

    private static String baseType(ContentType type) {
        return type.getBaseType().toLowerCase(Locale.ROOT);
    }

    private static ContentType contentType(Part part) throws MessagingException {
        String header = part.getContentType();
        try {
            return new ContentType(header == null ? "text/plain" : header);
        } catch (ParseException e) {
            // RFC 2045: a Content-Type that cannot be read means text/plain.
            return new ContentType("text", "plain", null);
        }
    }
}
