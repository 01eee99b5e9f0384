package org.envelopelab.people.writing;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.util.ByteArrayDataSource;
import org.envelopelab.mailnet.Account;
import org.envelopelab.mailnet.Addresses;
import org.envelopelab.mailnet.MailWorld;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns a {@link Draft} into the MIME message a mail client would write: text, HTML or both
 * (multipart/alternative), files in multipart/mixed, UTF-8 throughout, display names from the
 * world's accounts, the Date from the lab clock, and a Message-ID at the sender's domain.
 */
public final class Composer {

    private static final Session MIME = Session.getInstance(new Properties());

    private final MailWorld world;
    private final Clock clock;
    private final AtomicLong written = new AtomicLong();

    public Composer(MailWorld world, Clock clock) {
        this.world = world;
        this.clock = clock;
    }

    public MimeMessage compose(Draft draft) throws MessagingException {
        if (draft.recipients().isEmpty()) {
            throw new MessagingException("a message needs at least one recipient");
        }
        String messageId = draft.messageId() != null ? draft.messageId()
                : "<" + written.incrementAndGet() + "." + clock.millis() + "@" + Addresses.domainOf(draft.from()) + ">";
        MimeMessage message = new MimeMessage(MIME) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(address(draft.from()));
        message.setRecipients(Message.RecipientType.TO, addresses(draft.to()));
        message.setRecipients(Message.RecipientType.CC, addresses(draft.cc()));
        message.setRecipients(Message.RecipientType.BCC, addresses(draft.bcc()));
        message.setSubject(draft.subject(), "UTF-8");
        message.setSentDate(Date.from(clock.instant()));
        message.setHeader("User-Agent", "Envelope Lab simulated client");

        if (draft.attachments().isEmpty()) {
            writeBody(message, draft);
        } else {
            MimeBodyPart body = new MimeBodyPart();
            writeBody(body, draft);
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(body);
            for (Draft.Attachment attachment : draft.attachments()) {
                mixed.addBodyPart(attachment(attachment));
            }
            message.setContent(mixed);
        }
        message.saveChanges();
        return message;
    }

    /** Text, HTML, or both as multipart/alternative (plain first: clients show the last they can). */
    private static void writeBody(MimePart part, Draft draft) throws MessagingException {
        boolean text = !draft.text().isEmpty();
        boolean html = !draft.html().isEmpty();
        if (text && html) {
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(textPart(draft.text(), "plain"));
            alternative.addBodyPart(textPart(draft.html(), "html"));
            part.setContent(alternative);
        } else if (html) {
            part.setText(draft.html(), "UTF-8", "html");
        } else {
            part.setText(draft.text(), "UTF-8", "plain");
        }
    }

    private static MimeBodyPart textPart(String content, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(content, "UTF-8", subtype);
        return part;
    }

    private static MimeBodyPart attachment(Draft.Attachment attachment) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
        part.setFileName(attachment.name());
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        return part;
    }

    private InternetAddress[] addresses(List<String> addresses) throws MessagingException {
        InternetAddress[] result = new InternetAddress[addresses.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = address(addresses.get(i));
        }
        return result;
    }

    private InternetAddress address(String address) throws MessagingException {
        String name = world.account(address).map(Account::displayName).orElse("");
        try {
            return name.isEmpty() ? new InternetAddress(address, true) : new InternetAddress(address, name, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("cannot encode the name of " + address, e);
        }
    }
}
