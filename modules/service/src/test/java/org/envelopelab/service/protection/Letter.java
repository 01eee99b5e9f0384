package org.envelopelab.service.protection;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.envelopelab.service.message.ComposedMessage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Writes the original messages tests protect, the way a mail client would. */
public final class Letter {

    /** The secret every test letter carries, so tests can look for it where it must not be. */
    public static final String CARD_NUMBER = "4111 1111 1111 1111";

    private String from = "Alice Adams <alice@contoso-bank.example>";
    private final List<String> to = new ArrayList<>(List.of("Carol Clark <carol@gmail.example>"));
    private final List<String> cc = new ArrayList<>(List.of("Bob Brown <bob@contoso-bank.example>"));
    private String bcc;
    private String subject = "Your March card statement";
    private String text = "Dear Carol, your statement for card " + CARD_NUMBER + " shows a balance of USD 1,284.10.";
    private String html;
    private String messageId = "<statement-1@contoso-bank.example>";
    private boolean dated = true;
    private String attachmentName;
    private byte[] attachment;

    /** Alice to Carol (outside), Bob (inside) on copy, a card number in the text. */
    public static Letter statement() {
        return new Letter();
    }

    public Letter from(String from) {
        this.from = from;
        return this;
    }

    public Letter to(String... to) {
        this.to.clear();
        this.to.addAll(List.of(to));
        return this;
    }

    public Letter cc(String... cc) {
        this.cc.clear();
        this.cc.addAll(List.of(cc));
        return this;
    }

    public Letter bcc(String bcc) {
        this.bcc = bcc;
        return this;
    }

    public Letter subject(String subject) {
        this.subject = subject;
        return this;
    }

    public Letter text(String text) {
        this.text = text;
        return this;
    }

    public Letter html(String html) {
        this.html = html;
        return this;
    }

    public Letter messageId(String messageId) {
        this.messageId = messageId;
        return this;
    }

    /** Without a Date field, as some scripts and devices send mail. */
    public Letter undated() {
        this.dated = false;
        return this;
    }

    public Letter attach(String name, byte[] content) {
        this.attachmentName = name;
        this.attachment = content;
        return this;
    }

    public byte[] bytes() {
        try {
            ComposedMessage message = new ComposedMessage();
            message.setFrom(InternetAddress.parse(from)[0]);
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(String.join(", ", to)));
            if (!cc.isEmpty()) {
                message.setRecipients(Message.RecipientType.CC, InternetAddress.parse(String.join(", ", cc)));
            }
            if (bcc != null) {
                message.setRecipients(Message.RecipientType.BCC, InternetAddress.parse(bcc));
            }
            message.setSubject(subject, "UTF-8");
            if (dated) {
                message.setSentDate(Date.from(Instant.parse("2026-03-02T08:55:00Z")));
            }
            if (messageId != null) {
                message.setHeader("Message-ID", messageId);
            }
            MimeMultipart alternative = null;
            if (html != null) {
                alternative = new MimeMultipart("alternative");
                alternative.addBodyPart(part(text, "plain"));
                alternative.addBodyPart(part(html, "html"));
            }
            if (attachment == null) {
                if (alternative == null) {
                    message.setText(text, "UTF-8");
                } else {
                    message.setContent(alternative);
                }
            } else {
                MimeBodyPart body = new MimeBodyPart();
                if (alternative == null) {
                    body.setText(text, "UTF-8");
                } else {
                    body.setContent(alternative);
                }
                MimeBodyPart file = new MimeBodyPart();
                file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment, "application/pdf")));
                file.setFileName(attachmentName);
                file.setDisposition(MimeBodyPart.ATTACHMENT);
                message.setContent(new MimeMultipart(body, file));
            }
            if (!dated) {
                // Jakarta Mail dates a message that has no Date when it is written; an undated letter stays undated.
                return new String(message.bytes(), StandardCharsets.UTF_8).replaceFirst("(?m)^Date: [^\r\n]*\r\n", "")
                        .getBytes(StandardCharsets.UTF_8);
            }
            return message.bytes();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MimeBodyPart part(String content, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(content, "UTF-8", subtype);
        return part;
    }
}
