package org.envelopelab.routes.delivery;

import org.envelopelab.transport.Envelope;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.envelopelab.routes.ledger.Ledger;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;

/**
 * Writes the non-delivery report (RFC 3464 delivery status notification) a real MTA sends when
 * it gives up on recipients: a readable explanation, the machine-readable status per recipient,
 * and the original headers — never the original body, which may be the very thing that was
 * sensitive. Reports come from MAILER-DAEMON at the site where the message entered.
 *
 * <p>Simplification: RFC 5321 sends reports with an empty envelope sender ({@code MAIL FROM:<>}),
 * which GreenMail refuses; the lab uses {@code MAILER-DAEMON@<site>} instead and never reports on
 * a report, which is what the empty sender is for.
 */
public final class NonDeliveryReports {

    private static final Session MIME = Session.getInstance(new Properties());

    private final Ledger ledger;
    private final Clock clock;

    public NonDeliveryReports(Ledger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Whether someone can be told: a report about a report (or a journal copy) would only start a loop. */
    public boolean canReport(Leg leg) {
        return leg.envelope().kind() == Envelope.Kind.MESSAGE;
    }

    /** Writes the report for the sender and enters both the bounce and the report in the ledger. */
    public Envelope report(Leg leg) throws MessagingException, IOException {
        Envelope envelope = write(leg, "-ndr", "Undeliverable: ", explanation(leg), deliveryStatus(leg, "failed", null));
        ledger.bounced(leg, envelope);
        return envelope;
    }

    /**
     * The failure report for a leg the transport gave up on after its retries (its rejections say
     * 4.4.7, expired). The caller enters it in the ledger with the dead letter.
     */
    public Envelope expired(Leg leg) throws MessagingException, IOException {
        return write(leg, "-ndr", "Undeliverable: ", expiredExplanation(leg), deliveryStatus(leg, "failed", null));
    }

    /**
     * The delay notice (RFC 3464 {@code Action: delayed}) for a leg still being retried, entered
     * in the ledger as one of the message's reports; nobody is settled by it.
     */
    public Envelope delayed(Leg leg, String reason, Instant nextTry, Instant giveUpAround) throws MessagingException, IOException {
        Leg waiting = new Leg(leg.envelope(), leg.destination(), leg.recipients(), leg.recipients().stream()
                .map(recipient -> new Rejection(recipient, SmtpRelay.status(reason).startsWith("4")
                        ? SmtpRelay.status(reason) : "4.4.1", reason)).toList());
        Envelope notice = write(waiting, "-delay", "Delivery delayed: ", delayExplanation(waiting, nextTry),
                deliveryStatus(waiting, "delayed", giveUpAround));
        ledger.reported(leg.envelope(), notice);
        return notice;
    }

    private Envelope write(Leg leg, String suffix, String subjectPrefix, String explanation, String status)
            throws MessagingException, IOException {
        Envelope original = leg.envelope();
        String id = original.id() + suffix + (ledger.journeyById(original.id()).map(j -> j.reports().size()).orElse(0) + 1);
        String reporter = "MAILER-DAEMON@" + original.origin();
        MimeMessage report = new MimeMessage(MIME) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + id + "@" + original.origin() + ">");
            }
        };
        report.setFrom(new InternetAddress(reporter, "Mail Delivery System"));
        report.setRecipient(Message.RecipientType.TO, new InternetAddress(original.sender()));
        report.setSubject(subjectPrefix + originalSubject(original), "UTF-8");
        report.setSentDate(Date.from(clock.instant()));
        report.setHeader("Auto-Submitted", "auto-replied");
        MimeMultipart body = new MimeMultipart("report; report-type=delivery-status");
        body.addBodyPart(text(explanation));
        body.addBodyPart(part(status, "message/delivery-status"));
        body.addBodyPart(part(originalHeaders(original), "text/rfc822-headers"));
        report.setContent(body);
        report.saveChanges();

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.writeTo(bytes);
        return new Envelope(id, original.origin(), reporter, List.of(original.sender()), bytes.toByteArray(),
                Envelope.Kind.REPORT);
    }

    private static String expiredExplanation(Leg leg) {
        StringBuilder text = new StringBuilder("Your message could not be delivered to these recipients: their mail"
                + " server did not accept it however often we tried, and we have stopped trying.\r\n\r\n");
        for (Rejection rejection : leg.rejections()) {
            text.append("  ").append(rejection.recipient()).append("\r\n    ").append(rejection.diagnostic()).append("\r\n");
        }
        return text.toString();
    }

    private static String delayExplanation(Leg leg, Instant nextTry) {
        StringBuilder text = new StringBuilder("This is a warning only; you do not need to send your message again."
                + " It has not yet been delivered to these recipients, because their mail server has not accepted"
                + " it:\r\n\r\n");
        for (Rejection rejection : leg.rejections()) {
            text.append("  ").append(rejection.recipient()).append("\r\n    ").append(rejection.diagnostic()).append("\r\n");
        }
        text.append("\r\nWe will try again at ").append(nextTry).append(" and keep trying for a while; if we give up, you"
                + " will get another message.\r\n");
        return text.toString();
    }

    private static String explanation(Leg leg) {
        StringBuilder text = new StringBuilder("Your message could not be delivered to these recipients:\r\n\r\n");
        for (Rejection rejection : leg.rejections()) {
            text.append("  ").append(rejection.recipient()).append("\r\n    ").append(rejection.diagnostic()).append("\r\n");
        }
        text.append("\r\nThe message was not delivered to them and will not be retried.\r\n");
        return text.toString();
    }

    private String deliveryStatus(Leg leg, String action, Instant retryUntil) {
        StringBuilder status = new StringBuilder()
                .append("Reporting-MTA: dns; ").append(leg.envelope().origin()).append("\r\n")
                .append("Arrival-Date: ").append(new jakarta.mail.internet.MailDateFormat().format(Date.from(clock.instant())))
                .append("\r\n");
        for (Rejection rejection : leg.rejections()) {
            status.append("\r\n")
                    .append("Final-Recipient: rfc822; ").append(rejection.recipient()).append("\r\n")
                    .append("Action: ").append(action).append("\r\n")
                    .append("Status: ").append(rejection.status()).append("\r\n")
                    .append("Diagnostic-Code: smtp; ").append(rejection.diagnostic()).append("\r\n");
            if (retryUntil != null) {
                status.append("Will-Retry-Until: ").append(new jakarta.mail.internet.MailDateFormat()
                        .format(Date.from(retryUntil))).append("\r\n");
            }
        }
        return status.toString();
    }

    private static MimeBodyPart text(String text) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text, "UTF-8");
        return part;
    }

    private static MimeBodyPart part(String content, String type) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content.getBytes(StandardCharsets.US_ASCII), type)));
        part.setHeader("Content-Type", type);
        return part;
    }

    private static String originalHeaders(Envelope original) throws MessagingException {
        MimeMessage message = parse(original);
        StringBuilder headers = new StringBuilder();
        for (Enumeration<String> lines = message.getAllHeaderLines(); lines.hasMoreElements(); ) {
            headers.append(lines.nextElement()).append("\r\n");
        }
        return headers.toString();
    }

    private static String originalSubject(Envelope original) throws MessagingException {
        String subject = parse(original).getSubject();
        return subject == null ? "(no subject)" : subject;
    }

    private static MimeMessage parse(Envelope envelope) throws MessagingException {
        return new MimeMessage(MIME, new ByteArrayInputStream(envelope.content()));
    }
}
