package org.envelopelab.service.wrapper;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import org.envelopelab.service.branding.BrandingTemplate;
import org.envelopelab.service.message.EscapedHtml;
import org.envelopelab.service.message.MailDate;
import org.envelopelab.service.message.MimeWriter;
import org.envelopelab.service.message.OuterHeaders;
import org.envelopelab.service.protection.Expiry;
import org.envelopelab.service.protection.Protected;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;

/**
 * The branded message outside recipients receive instead of the protected content: the original's
 * From, To, Cc and Subject, the tenant's branding, and a "Read the message" button that leads to
 * the portal — plus message.html with the same link, as the older product sent. It carries nothing
 * of the message itself, so the recipient's mailbox, their provider and anyone who steals the
 * mailbox learn only who wrote about what. Every text is escaped: a subject or a sender's name is
 * data, never markup.
 *
 * <pre>
 * multipart/mixed
 *   multipart/alternative
 *     text/plain
 *     multipart/related          (text/html alone when the template has no logo)
 *       text/html                 logo as cid:, background colour, texts, button, expiry, disclaimer, privacy link
 *       image/png or image/jpeg   the logo, inline
 *   text/html; name=message.html  attachment
 * </pre>
 */
public final class WrapperMessage {

    /** Lab instrumentation: the portal link, so scenario steps can follow it without parsing HTML. */
    public static final String PORTAL_LINK_HEADER = "X-EnvelopeLab-Portal-Link";
    public static final String ATTACHMENT_NAME = "message.html";
    private static final String LOGO_ID = "logo@wrapper.envelopelab";

    private WrapperMessage() {
    }

    /**
     * @param originalMime the original message, for its outer headers only
     * @param protection   what the service returned: the token and the expiry
     * @param branding     the branding template the message was protected with
     * @param portalBase   the portal's base address, e.g. https://portal.contoso-bank.example
     */
    public static byte[] build(byte[] originalMime, Protected protection, BrandingTemplate branding, URI portalBase) {
        OuterHeaders headers = OuterHeaders.read(originalMime);
        URI link = readLink(portalBase, protection.token());
        WrapperTexts texts = new WrapperTexts(headers, protection, branding, link);
        InternetHeaders outer = new InternetHeaders();
        for (String line : headers.keptLines()) {
            // addHeader keeps the conventional order (Date, From, To, ...); the value stays as it arrived.
            int colon = line.indexOf(':');
            outer.addHeader(line.substring(0, colon).trim(), line.substring(colon + 1).stripLeading());
        }
        if (headers.messageId().isEmpty()) {
            outer.setHeader("Message-ID", protection.messageId());
        }
        if (outer.getHeader("Date") == null) {
            // Dated as the protected copy is: by the service's clock, which also dates the expiry the wrapper states.
            outer.setHeader("Date", MailDate.of(protection.issued()));
        }
        outer.setHeader(PORTAL_LINK_HEADER, link.toString());
        outer.setHeader("MIME-Version", "1.0");

        MimeWriter mime = new MimeWriter();
        for (Enumeration<String> lines = outer.getAllHeaderLines(); lines.hasMoreElements(); ) {
            mime.header(lines.nextElement());
        }
        String mixed = mime.multipart("mixed");
        mime.part(mixed);
        String alternative = mime.multipart("alternative");
        mime.part(alternative).text("plain", texts.plain(), "");
        mime.part(alternative);
        if (BrandingStyle.hasLogo(branding)) {
            String related = mime.multipart("related");
            mime.part(related).text("html", texts.html("cid:" + LOGO_ID), "");
            String type = branding.logoType().toLowerCase(Locale.ROOT);
            String file = "logo" + (type.endsWith("png") ? ".png" : ".jpg");
            mime.part(related).binary(type + "; name=" + file, branding.logo(), "Content-ID: <" + LOGO_ID + ">",
                    "Content-Disposition: inline; filename=" + file);
            mime.end(related);
        } else {
            mime.text("html", texts.html(null), "");
        }
        mime.end(alternative);
        mime.part(mixed).text("html", texts.page(), "; name=" + ATTACHMENT_NAME,
                "Content-Disposition: attachment; filename=" + ATTACHMENT_NAME);
        mime.end(mixed);
        return mime.bytes();
    }

    /** {@code <portalBase>/read/<token>}, whether or not the base ends in a slash. */
    public static URI readLink(URI portalBase, String token) {
        String base = portalBase.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "read/" + token);
    }

    /** The portal link a wrapper carries, read from its header section. */
    public static Optional<URI> portalLink(byte[] wrapperMime) {
        try {
            String value = new InternetHeaders(new ByteArrayInputStream(wrapperMime)).getHeader(PORTAL_LINK_HEADER, null);
            return Optional.ofNullable(value).map(String::trim).map(URI::create);
        } catch (MessagingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The wrapper's words, as plain text, as HTML and as the message.html page. */
    private record WrapperTexts(OuterHeaders headers, Protected protection, BrandingTemplate branding, URI link) {

        String introduction() {
            return headers.senderName() + " " + BrandingStyle.introductionText(branding);
        }

        String plain() {
            StringBuilder text = new StringBuilder();
            if (!BrandingStyle.blank(branding.emailText())) {
                text.append(branding.emailText()).append("\r\n\r\n");
            }
            text.append(introduction()).append("\r\n\r\n");
            text.append(BrandingStyle.readButtonText(branding)).append(": ").append(link).append("\r\n\r\n");
            if (protection.expires() != null) {
                text.append("This message expires on ").append(Expiry.describe(protection.expires())).append(".\r\n\r\n");
            }
            if (!BrandingStyle.blank(branding.disclaimerText())) {
                text.append(branding.disclaimerText()).append("\r\n\r\n");
            }
            BrandingStyle.privacyStatement(branding).ifPresent(url -> text.append("Privacy statement: ").append(url).append("\r\n"));
            return text.toString();
        }

        /** @param logoSource "cid:..." when the logo travels as a related part, else null */
        String html(String logoSource) {
            String colour = BrandingStyle.backgroundColor(branding);
            String href = EscapedHtml.of(link.toString());
            StringBuilder html = new StringBuilder(2048);
            html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>")
                    .append(EscapedHtml.of(headers.subject())).append("</title></head>\n")
                    .append("<body style=\"margin:0;padding:0;background-color:#f3f3f3;font-family:Segoe UI,Arial,sans-serif;color:#1b1b1b\">\n")
                    .append("<div id=\"brand-band\" data-colour=\"").append(colour).append("\" style=\"background-color:")
                    .append(colour).append(";padding:16px 24px\">");
            if (logoSource != null) {
                html.append("<img src=\"").append(EscapedHtml.of(logoSource)).append("\" alt=\"")
                        .append(EscapedHtml.of(branding.name())).append("\" style=\"max-width:170px;max-height:70px\">");
            }
            html.append("</div>\n<div style=\"background-color:#ffffff;padding:24px\">\n");
            if (!BrandingStyle.blank(branding.emailText())) {
                html.append("<p>").append(EscapedHtml.withLineBreaks(branding.emailText())).append("</p>\n");
            }
            html.append("<p id=\"introduction\"><strong>").append(EscapedHtml.of(headers.senderName())).append("</strong> ")
                    .append(EscapedHtml.of(BrandingStyle.introductionText(branding))).append("</p>\n")
                    .append("<p style=\"margin:24px 0\"><a id=\"read-button\" href=\"").append(href)
                    .append("\" style=\"display:inline-block;background-color:").append(colour)
                    .append(";color:#ffffff;padding:12px 24px;text-decoration:none\">")
                    .append(EscapedHtml.of(BrandingStyle.readButtonText(branding))).append("</a></p>\n");
            if (protection.expires() != null) {
                html.append("<p>This message expires on ").append(EscapedHtml.of(Expiry.describe(protection.expires())))
                        .append(".</p>\n");
            }
            if (!BrandingStyle.blank(branding.disclaimerText())) {
                html.append("<p id=\"disclaimer\" style=\"font-size:12px;color:#605e5c\">")
                        .append(EscapedHtml.withLineBreaks(branding.disclaimerText()))
                        .append("</p>\n");
            }
            BrandingStyle.privacyStatement(branding).ifPresent(url -> html.append("<p style=\"font-size:12px\"><a href=\"")
                    .append(EscapedHtml.of(url.toString())).append("\">Privacy statement</a></p>\n"));
            html.append("</div>\n</body>\n</html>\n");
            return html.toString();
        }

        /** message.html: the older product's attachment, a page with the same link. */
        String page() {
            String href = EscapedHtml.of(link.toString());
            return "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Protected message</title></head>\n"
                    + "<body style=\"font-family:Segoe UI,Arial,sans-serif\">\n"
                    + "<p>" + EscapedHtml.of(introduction()) + "</p>\n"
                    + "<p><a href=\"" + href + "\">" + EscapedHtml.of(BrandingStyle.readButtonText(branding)) + "</a></p>\n"
                    + "<p>If the link does not open, copy this address into your browser: " + href + "</p>\n"
                    + "</body>\n</html>\n";
        }
    }
}
