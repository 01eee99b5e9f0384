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
 * @param colour     the header band's "#rrggbb"
 * @param logo       a data: URI of the logo, or null
 * @param name       the template's name: the logo's alternative text
 * @param portalText the branding's portal text, or null
 * @param disclaimer the disclaimer, or null
 * @param privacyUrl an absolute http(s) privacy statement link, or null
 * @param readButton the text of the button that opens the message
 */
public record Look(String colour, String logo, String name, String portalText, String disclaimer, String privacyUrl,
                   String readButton) {

    /** Image types a browser shows in an img; anything else is not put on the page. */
    private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/bmp");

    public static Look of(BrandingTemplate branding) {
        return new Look(BrandingStyle.backgroundColor(branding), logo(branding), branding.name(),
                textOrNull(branding.portalText()), textOrNull(branding.disclaimerText()),
                BrandingStyle.privacyStatement(branding).map(URI::toString).orElse(null), BrandingStyle.readButtonText(branding));
    }

    /** For pages that belong to no known message: a wrong link, a refusal. */
    public static Look neutral() {
        return of(BrandingTemplate.defaults());
    }

    /** The simulated identity provider's own sign-in page: not the tenant's branding. */
    public static Look provider(String providerName) {
        return new Look("#3c4043", null, providerName, providerName + " account sign-in (simulated)", null, null, "Sign in");
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
