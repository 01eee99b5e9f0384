package org.envelopelab.service.portal;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import org.envelopelab.service.branding.BrandingTemplate;
import org.envelopelab.service.message.ComposedMessage;
import org.envelopelab.service.message.EscapedHtml;
import org.envelopelab.service.protection.Expiry;
import org.envelopelab.service.tenant.Tenant;
import org.envelopelab.service.wrapper.BrandingStyle;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The mail that carries a one-time passcode: branded like the wrapper, from the tenant's no-reply
 * address, with the passcode and the reference code the portal page shows, in text and HTML.
 */
public final class PasscodeMail {

    public static final String SUBJECT = "Your one-time passcode to view the message";
    private static final String LOGO_ID = "logo@passcode.envelopelab";

    private PasscodeMail() {
    }

    /**
     * The arguments are what {@link PasscodeMailer#send} receives, plus the tenant it sends for.
     * The mail is dated when the passcode was issued: {@code expires} less the fifteen minutes it is valid.
     */
    public static byte[] build(Tenant tenant, String to, String reference, String passcode, BrandingTemplate branding,
                               String senderName, Instant expires) {
        Instant issued = expires.minus(Passcode.VALIDITY);
        try {
            ComposedMessage mail = new ComposedMessage();
            mail.setFrom(new InternetAddress("no-reply@" + tenant.domain(), tenant.name(), "UTF-8"));
            mail.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            mail.setSubject(SUBJECT, "UTF-8");
            mail.setSentDate(Date.from(issued));
            // Unique per passcode without containing it: the reference, the time and a digest of the address.
            mail.setHeader("Message-ID", "<passcode." + reference + "." + issued.getEpochSecond() + "." + digestOf(to)
                    + "@" + tenant.domain() + ">");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(textPart(text(tenant, reference, passcode, senderName, expires), "plain"));
            Optional<MimeBodyPart> logo = BrandingStyle.logoPart(branding, LOGO_ID);
            String html = html(tenant, reference, passcode, branding, senderName, expires, logo.isPresent());
            if (logo.isPresent()) {
                MimeMultipart related = new MimeMultipart("related");
                related.addBodyPart(textPart(html, "html"));
                related.addBodyPart(logo.get());
                MimeBodyPart relatedPart = new MimeBodyPart();
                relatedPart.setContent(related);
                alternative.addBodyPart(relatedPart);
            } else {
                alternative.addBodyPart(textPart(html, "html"));
            }
            mail.setContent(alternative);
            return mail.bytes();
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("the passcode mail cannot be written: " + e.getMessage(), e);
        }
    }

    private static String text(Tenant tenant, String reference, String passcode, String senderName, Instant expires) {
        return "Here is your one-time passcode:\r\n\r\n"
                + "    " + passcode + "\r\n\r\n"
                + "Reference: " + reference + "\r\n\r\n"
                + "Enter it on the page where you asked for it, to read the protected message " + senderName
                + " sent you. It works once, and only until " + Expiry.describe(expires) + ".\r\n\r\n"
                + "If you did not ask for a passcode, you can ignore this mail. " + tenant.name()
                + " will never ask you to tell anyone this passcode.\r\n";
    }

    private static String html(Tenant tenant, String reference, String passcode, BrandingTemplate branding, String senderName,
                               Instant expires, boolean logo) {
        String colour = BrandingStyle.backgroundColor(branding);
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>" + EscapedHtml.of(SUBJECT)
                + "</title></head>\n<body style=\"margin:0;font-family:Segoe UI,Arial,sans-serif;color:#1b1b1b\">\n"
                + "<div style=\"background-color:" + colour + ";padding:16px 24px\">"
                + (logo ? "<img src=\"cid:" + LOGO_ID + "\" alt=\"" + EscapedHtml.of(branding.name())
                + "\" style=\"max-width:170px;max-height:70px\">" : "")
                + "</div>\n<div style=\"padding:24px\">\n"
                + "<p>Here is your one-time passcode:</p>\n"
                + "<p style=\"font-size:28px;letter-spacing:4px;font-weight:bold\">" + EscapedHtml.of(passcode) + "</p>\n"
                + "<p>Reference: <strong>" + EscapedHtml.of(reference) + "</strong></p>\n"
                + "<p>Enter it on the page where you asked for it, to read the protected message "
                + EscapedHtml.of(senderName) + " sent you. It works once, and only until "
                + EscapedHtml.of(Expiry.describe(expires)) + ".</p>\n"
                + "<p style=\"font-size:12px;color:#605e5c\">If you did not ask for a passcode, you can ignore this mail. "
                + EscapedHtml.of(tenant.name()) + " will never ask you to tell anyone this passcode.</p>\n"
                + "</div>\n</body>\n</html>\n";
    }

    private static MimeBodyPart textPart(String text, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text, "UTF-8", subtype);
        return part;
    }

    private static String digestOf(String address) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(address.toLowerCase(java.util.Locale.ROOT)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
