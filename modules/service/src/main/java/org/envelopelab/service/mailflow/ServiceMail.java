package org.envelopelab.service.mailflow;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.envelopelab.service.branding.BrandingTemplate;
import org.envelopelab.service.portal.ForwardSender;
import org.envelopelab.service.portal.PasscodeMail;
import org.envelopelab.service.portal.PasscodeMailer;
import org.envelopelab.service.portal.ReplySender;
import org.envelopelab.service.tenant.Tenant;
import org.envelopelab.transport.Envelope;
import org.envelopelab.transport.MailInjection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mail the service sends itself, through the organization's own transport and then over
 * real SMTP to the recipients' providers: one-time passcodes, and the replies and forwards outside
 * recipients write in the portal, which ask on their envelope to leave protected, as the
 * recipients' original did.
 */
public final class ServiceMail implements PasscodeMailer, ReplySender, ForwardSender {

    private static final Session MIME = Session.getInstance(new Properties());

    private final Tenant tenant;
    private final MailInjection transport;
    private final Clock clock;
    private final AtomicLong written = new AtomicLong();

    public ServiceMail(Tenant tenant, MailInjection transport, Clock clock) {
        this.tenant = tenant;
        this.transport = transport;
        this.clock = clock;
    }

    @Override
    public void send(String to, String reference, String passcode, BrandingTemplate branding, String senderName, Instant expires) {
        transport.inject(tenant.domain(), "no-reply@" + tenant.domain(), List.of(to),
                PasscodeMail.build(tenant, to, reference, passcode, branding, senderName, expires), Envelope.Kind.NOTICE, null);
    }

    /** A portal reply: written for the recipient, protected with the template of the message it answers. */
    @Override
    public String send(String from, List<String> to, String subject, String text, String inReplyTo, String template) {
        try {
            String messageId = "<portal-reply." + written.incrementAndGet() + "." + clock.millis() + "@" + tenant.domain() + ">";
            MimeMessage reply = new MimeMessage(MIME) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            reply.setFrom(new InternetAddress(from));
            reply.setRecipients(Message.RecipientType.TO, String.join(", ", to));
            reply.setSubject(subject, "UTF-8");
            reply.setSentDate(Date.from(clock.instant()));
            reply.setHeader("In-Reply-To", inReplyTo);
            reply.setHeader("References", inReplyTo);
            reply.setText(text, "UTF-8");
            reply.saveChanges();
            transport.inject(tenant.domain(), from, to, bytes(reply), Envelope.Kind.MESSAGE, template);
            return messageId;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot write the portal reply: " + e.getMessage(), e);
        }
    }

    /** A portal forward: the new copy is protected for its new recipients with the template it carries. */
    @Override
    public void send(String from, List<String> to, byte[] forwardMime, String template) {
        transport.inject(tenant.domain(), from, to, forwardMime, Envelope.Kind.MESSAGE, template);
    }

    private static byte[] bytes(MimeMessage message) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }
}
