package org.envelopelab.routes;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.envelopelab.mailnet.MailClient;
import org.envelopelab.mailnet.MailWorld;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A message the transport's tests submit the way any mail client does: written here, sent with
 * the sender's own mail client over SMTP AUTH, a copy filed in Sent. (People's real clients live
 * in the people module; the transport begins at submission.)
 */
public final class Letter {

    private final String from;
    private final List<String> to = new ArrayList<>();
    private final List<String> cc = new ArrayList<>();
    private final List<String> bcc = new ArrayList<>();
    private String subject = "";
    private String text = "";
    private String attachmentName;
    private byte[] attachment;

    private Letter(String from) {
        this.from = from;
    }

    public static Letter from(String from) {
        return new Letter(from);
    }

    public Letter to(String... addresses) {
        to.addAll(List.of(addresses));
        return this;
    }

    public Letter cc(String... addresses) {
        cc.addAll(List.of(addresses));
        return this;
    }

    public Letter bcc(String... addresses) {
        bcc.addAll(List.of(addresses));
        return this;
    }

    public Letter subject(String value) {
        subject = value;
        return this;
    }

    public Letter text(String value) {
        text = value;
        return this;
    }

    public Letter attach(String name, byte[] content) {
        attachmentName = name;
        attachment = content;
        return this;
    }

    /** Submits it with the sender's own client and files it in Sent; returns its Message-ID. */
    public String sendIn(MailWorld world) throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(String.join(",", to)));
        message.setRecipients(Message.RecipientType.CC, InternetAddress.parse(String.join(",", cc)));
        message.setRecipients(Message.RecipientType.BCC, InternetAddress.parse(String.join(",", bcc)));
        message.setSubject(subject, "UTF-8");
        if (attachment == null) {
            message.setText(text, "UTF-8");
        } else {
            MimeBodyPart body = new MimeBodyPart();
            body.setText(text, "UTF-8");
            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment, "application/octet-stream")));
            file.setFileName(attachmentName);
            MimeMultipart mixed = new MimeMultipart("mixed", body, file);
            message.setContent(mixed);
        }
        message.saveChanges();
        try (MailClient client = world.client(from)) {
            client.submit(message);
            client.saveToSent(message);
        }
        return message.getMessageID();
    }
}
