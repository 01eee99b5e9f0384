package org.envelopelab.service.wrapper;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.util.ByteArrayDataSource;
import org.envelopelab.service.branding.BrandingTemplate;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The parts of a branding template that go into mail as markup rather than text — the colour, the
 * logo and the privacy link — each checked again where it is used: a value that reaches CSS or an
 * href unchecked is an injection, whatever validated it earlier.
 */
public final class BrandingStyle {

    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final String DEFAULT_COLOUR = BrandingTemplate.defaults().backgroundColor();

    private BrandingStyle() {
    }

    /** The template's "#RRGGBB", or the default blue when it is anything else. */
    public static String backgroundColor(BrandingTemplate branding) {
        String colour = branding.backgroundColor();
        return colour != null && COLOUR.matcher(colour).matches() ? colour.toLowerCase(Locale.ROOT) : DEFAULT_COLOUR;
    }

    /** The privacy statement link, when it is an absolute http or https URL. */
    public static Optional<URI> privacyStatement(BrandingTemplate branding) {
        String url = branding.privacyStatementUrl();
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The logo as an inline image part with a Content-ID, for a multipart/related body that shows it as cid:. */
    public static Optional<MimeBodyPart> logoPart(BrandingTemplate branding, String contentId) throws MessagingException {
        if (!hasLogo(branding)) {
            return Optional.empty();
        }
        MimeBodyPart logo = new MimeBodyPart();
        logo.setDataHandler(new DataHandler(new ByteArrayDataSource(branding.logo(), branding.logoType().toLowerCase(Locale.ROOT))));
        logo.setContentID("<" + contentId + ">");
        logo.setDisposition(MimeBodyPart.INLINE);
        logo.setFileName("logo" + (branding.logoType().toLowerCase(Locale.ROOT).endsWith("png") ? ".png" : ".jpg"));
        return Optional.of(logo);
    }

    /** Whether the template has a logo a mail client can show (an image type and some bytes). */
    static boolean hasLogo(BrandingTemplate branding) {
        return branding.logo() != null && branding.logo().length > 0 && branding.logoType() != null
                && branding.logoType().toLowerCase(Locale.ROOT).startsWith("image/");
    }

    /** The button text, or the product's when the template leaves it empty. */
    public static String readButtonText(BrandingTemplate branding) {
        return blank(branding.readButtonText()) ? "Read the message" : branding.readButtonText();
    }

    /** The introduction that follows the sender's name, or the product's. */
    public static String introductionText(BrandingTemplate branding) {
        return blank(branding.introductionText()) ? "has sent you a protected message." : branding.introductionText();
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
