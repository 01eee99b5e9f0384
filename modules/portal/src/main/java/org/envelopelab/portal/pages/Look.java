package org.envelopelab.portal.pages;

import org.envelopelab.service.branding.BrandingTemplate;
import org.envelopelab.service.wrapper.BrandingStyle;

import java.net.URI;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * How a page looks: the tenant's branding as the templates use it. Colour and privacy link are
 * checked again here ({@link BrandingStyle}) because they go into a style attribute and an href;
 * the logo becomes a {@code data:} URI, so the page needs no image route and the policy needs no
 * other image source. Absent parts are null, which the templates leave out.
 *
 * @param colour     the header band's and the buttons' "#rrggbb"
 * @param foreground the text colour on {@code colour}: white, or near-black on a light colour
 * @param logo       a data: URI of the logo, or null
 * @param name       the template's name: the logo's alternative text
 * @param portalText the branding's portal text (for pages of no message, the organization's name), or null
 * @param disclaimer the disclaimer, or null
 * @param privacyUrl an absolute http(s) privacy statement link, or null
 * @param readButton the text of the button that opens the message
 */
public record Look(String colour, String foreground, String logo, String name, String portalText, String disclaimer,
                   String privacyUrl, String readButton) {

    /** Image types a browser shows in an img; anything else is not put on the page. */
    private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/bmp");

    public static Look of(BrandingTemplate branding) {
        String colour = BrandingStyle.backgroundColor(branding);
        return new Look(colour, foregroundOn(colour), logo(branding), branding.name(), textOrNull(branding.portalText()),
                textOrNull(branding.disclaimerText()), BrandingStyle.privacyStatement(branding).map(URI::toString).orElse(null),
                BrandingStyle.readButtonText(branding));
    }

    /** For pages of no known message — a wrong link, the portal's own address: the default look, with the organization's name. */
    public static Look organization(String name) {
        Look defaults = neutral();
        return new Look(defaults.colour, defaults.foreground, null, name, name, null, null, defaults.readButton);
    }

    /** Before the service is attached, when not even the organization is known. */
    public static Look neutral() {
        return of(BrandingTemplate.defaults());
    }

    /** The simulated identity provider's own sign-in page: not the tenant's branding. */
    public static Look provider(String providerName) {
        return new Look("#3c4043", "#ffffff", null, providerName, providerName + " account sign-in (simulated)", null, null,
                "Sign in");
    }

    /**
     * White while white text keeps the 4.5:1 contrast WCAG asks of body text, near-black on a
     * lighter colour: the branding chooses the background, and white on a pale yellow band or
     * button could not be read.
     */
    static String foregroundOn(String colour) {
        double luminance = 0.2126 * linear(colour, 1) + 0.7152 * linear(colour, 3) + 0.0722 * linear(colour, 5);
        return (1.0 + 0.05) / (luminance + 0.05) >= 4.5 ? "#ffffff" : "#1b1b1b";
    }

    private static double linear(String colour, int at) {
        double channel = Integer.parseInt(colour.substring(at, at + 2), 16) / 255.0;
        return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

    private static String logo(BrandingTemplate branding) {
        String type = branding.logoType() == null ? "" : branding.logoType().toLowerCase(Locale.ROOT);
        if (branding.logo() == null || branding.logo().length == 0 || !IMAGE_TYPES.contains(type)) {
            return null;
        }
        return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(branding.logo());
    }

    private static String textOrNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
