package org.envelopelab.service.rules;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.envelopelab.pki.CertificateAuthority;
import org.envelopelab.pki.Credential;
import org.envelopelab.pki.KeyType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/** Real MIME messages, composed with Jakarta Mail as a mail client would, for the tests that read bytes. */
final class Letters {

    static final Session SESSION = Session.getInstance(new Properties());
    /** Carol's S/MIME certificate, for mail encrypted to her. Made once: RSA keys take a moment. */
    static final Credential CAROL_SMIME = CertificateAuthority.create("Fabrikam Root CA", "Fabrikam", Clock.systemUTC(), new SecureRandom())
            .issue(ContosoBank.CAROL, "Carol Clark", KeyType.RSA_2048);

    private Letters() {
    }

    /** A letter from Alice to Carol with Bob in copy; the content is set by the caller. */
    static MimeMessage letter(String subject) throws MessagingException {
        MimeMessage message = new MimeMessage(SESSION);
        message.setFrom(ContosoBank.ALICE);
        message.setRecipients(Message.RecipientType.TO, ContosoBank.CAROL);
        message.setRecipients(Message.RecipientType.CC, ContosoBank.BOB);
        message.setSubject(subject, "UTF-8");
        message.setSentDate(new Date());
        return message;
    }

    static MimeMessage text(String subject, String body) throws MessagingException {
        MimeMessage message = letter(subject);
        message.setText(body, "UTF-8");
        return message;
    }

    static MimeBodyPart textPart(String text, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text, "UTF-8", subtype);
        return part;
    }

    static MimeBodyPart attachment(String name, byte[] content, String type, String transferEncoding) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
        part.setFileName(name);
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        part.setHeader("Content-Type", type + "; name=\"" + name + "\"");
        part.setHeader("Content-Transfer-Encoding", transferEncoding);
        return part;
    }

    static MimeMessage withContent(String subject, MimeMultipart content) throws MessagingException {
        MimeMessage message = letter(subject);
        message.setContent(content);
        return message;
    }

    static byte[] bytes(MimeMessage message) throws MessagingException, IOException {
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    /** The facts as the service sees them, with the envelope taken from the headers. */
    static MailFacts facts(MimeMessage message) throws MessagingException, IOException {
        return MailFacts.of(bytes(message), null, List.of());
    }
}
