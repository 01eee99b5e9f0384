package org.envelopelab.people.evidence;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import org.envelopelab.smime.Smime;
import org.envelopelab.smime.SmimeException;
import org.envelopelab.smime.SmimeKind;
import org.envelopelab.service.rules.MailFacts;
import org.envelopelab.service.wrapper.WrapperMessage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Reads a message's bytes the way a party without keys would: parse the MIME, decode what is in
 * the clear, and stop at ciphertext. What it finds is the {@link Sight} behind a piece of
 * {@link Evidence}.
 */
final class ContentInspector {

    private static final Session MIME = Session.getInstance(new Properties());

    private ContentInspector() {
    }

    static Sight inspect(byte[] raw) {
        try {
            MimeMessage message = new MimeMessage(MIME, new ByteArrayInputStream(raw));
            Walk walk = new Walk();
            StringBuilder headerText = new StringBuilder();
            for (var lines = message.getAllHeaderLines(); lines.hasMoreElements(); ) {
                headerText.append(lines.nextElement()).append('\n');
            }
            if (message.getSubject() != null) {
                headerText.append(message.getSubject()).append('\n');
            }
            if (message.getHeader(WrapperMessage.PORTAL_LINK_HEADER, null) != null) {
                return new Sight(Access.READABLE, Access.NOT_IN_COPY, Access.NOT_IN_COPY, List.of(),
                        "a wrapper with a link to the portal (the content stays with the service)", Sight.Format.WRAPPER,
                        headerText.toString());
            }
            SmimeKind kind = SmimeKind.of(message);
            String form = switch (kind) {
                case PLAIN -> "plain MIME";
                case CLEAR_SIGNED -> "S/MIME clear-signed (signed, not encrypted: readable by anyone)";
                case OPAQUE_SIGNED -> "S/MIME opaque-signed (signed, not encrypted: readable by anyone who parses CMS)";
                case ENVELOPED, AUTH_ENVELOPED -> "S/MIME encrypted (" + smimeType(message) + ")";
            };
            if (kind == SmimeKind.OPAQUE_SIGNED) {
                // Signed-data wraps the content but does not hide it: unwrap it, no key needed.
                walk.visit(Smime.verify(message).content());
            } else {
                walk.visit(message);
            }
            Access body = walk.encrypted ? Access.ENCRYPTED : walk.bodyFound ? Access.READABLE : Access.NONE;
            Access attachments = walk.encrypted ? Access.ENCRYPTED
                    : walk.attachmentNames.isEmpty() ? Access.NONE : Access.READABLE;
            Sight.Format format = kind != SmimeKind.PLAIN ? Sight.Format.SMIME
                    : walk.protectedByService ? Sight.Format.PROTECTED : Sight.Format.PLAIN;
            if (format == Sight.Format.PROTECTED) {
                form = "a message protected by the organization's message encryption service (" + MailFacts.PROTECTED_TYPE + ")";
            }
            // What a keyless reader sees of a protected message is the service's notice, not the message.
            String visible = format == Sight.Format.PROTECTED ? headerText.toString() : headerText + walk.text.toString();
            return new Sight(Access.READABLE, body, attachments, walk.attachmentNames, form, format, visible);
        } catch (MessagingException | IOException | SmimeException e) {
            return new Sight(Access.ENCRYPTED, Access.ENCRYPTED, Access.ENCRYPTED, List.of(),
                    "bytes that do not parse as a message (" + e.getMessage() + ")", Sight.Format.UNREADABLE, "");
        }
    }

    private static String smimeType(MimeMessage message) throws MessagingException {
        ContentType type = new ContentType(message.getContentType());
        String smimeType = type.getParameter("smime-type");
        return smimeType == null ? type.getBaseType() : smimeType;
    }

    /** Depth-first over the MIME tree, collecting what is in the clear. */
    private static final class Walk {
        final StringBuilder text = new StringBuilder();
        final List<String> attachmentNames = new ArrayList<>();
        boolean bodyFound;
        boolean encrypted;
        boolean protectedByService;
        String encryptedType = "";

        void visit(Part part) throws MessagingException, IOException {
            ContentType type = new ContentType(part.getContentType() == null ? "text/plain" : part.getContentType());
            String base = type.getBaseType().toLowerCase(Locale.ROOT);
            if (isEncrypted(base, type)) {
                encrypted = true;
                encryptedType = base;
                return;
            }
            if (base.equals(MailFacts.PROTECTED_TYPE)) {
                encrypted = true;
                protectedByService = true;
                encryptedType = base;
                return;
            }
            if (base.equals("application/pkcs7-signature") || base.equals("application/x-pkcs7-signature")) {
                return; // a detached signature: proof of origin, not content
            }
            if (base.startsWith("multipart/")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    visit(child);
                }
                return;
            }
            boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
            if (attachment) {
                attachmentNames.add(part.getFileName() == null ? "(unnamed " + base + ")" : part.getFileName());
                text.append(decoded(part)).append('\n');
            } else if (base.startsWith("text/") || base.startsWith("message/")) {
                bodyFound = true;
                text.append(decoded(part)).append('\n');
            }
        }

        private static boolean isEncrypted(String base, ContentType type) {
            if (!base.equals("application/pkcs7-mime") && !base.equals("application/x-pkcs7-mime")) {
                return false;
            }
            String smimeType = type.getParameter("smime-type");
            // signed-data is opaque-signed, not encrypted; anything else (or nothing said) is treated as encrypted.
            return smimeType == null || !smimeType.equalsIgnoreCase("signed-data");
        }

        private static String decoded(Part part) throws MessagingException, IOException {
            Object content = part.getContent();
            if (content instanceof String string) {
                return string;
            }
            if (content instanceof InputStream stream) {
                try (stream) {
                    return new String(stream.readAllBytes(), StandardCharsets.ISO_8859_1);
                }
            }
            try (InputStream stream = part.getInputStream()) {
                return new String(stream.readAllBytes(), StandardCharsets.ISO_8859_1);
            }
        }
    }
}
