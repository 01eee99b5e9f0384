package org.envelopelab.service.branding;

/**
 * How protected mail to outside recipients and the portal look, as the product's
 * OME configuration has it. Limits (checked by {@link BrandingRules}): name up to 64 characters;
 * logo PNG or JPEG under 40 KB; each text up to 1,024 characters; portal text up to 128; expiry
 * 0–730 days (0: never).
 *
 * @param name               the template's name
 * @param logo               the logo image bytes, or null for none
 * @param logoType           "image/png" or "image/jpeg" (null without a logo)
 * @param backgroundColor    "#RRGGBB"
 * @param emailText          text at the top of the wrapper mail
 * @param introductionText   text next to the sender's name ("has sent you a secure message")
 * @param readButtonText     the "Read the message" button's text
 * @param disclaimerText     the disclaimer at the foot of the wrapper
 * @param portalText         text on the portal page
 * @param otpEnabled         whether recipients may sign in with a one-time passcode
 * @param socialSignInEnabled whether recipients may sign in with a Google/Yahoo/Microsoft account
 * @param externalExpiryDays days after which mail to outside recipients expires (0: never)
 * @param privacyStatementUrl a link to the privacy statement, or empty
 */
public record BrandingTemplate(String name, byte[] logo, String logoType, String backgroundColor, String emailText,
                               String introductionText, String readButtonText, String disclaimerText, String portalText,
                               boolean otpEnabled, boolean socialSignInEnabled, int externalExpiryDays,
                               String privacyStatementUrl) {

    public static final String DEFAULT_NAME = "OME Configuration";

    /** A colour name ("teal") becomes its {@code #RRGGBB} ("#008080"); anything else stays as written for the rules to judge. */
    public BrandingTemplate {
        backgroundColor = ColourNames.hex(backgroundColor).orElse(backgroundColor);
    }

    /** The default template every tenant starts with. */
    public static BrandingTemplate defaults() {
        return new BrandingTemplate(DEFAULT_NAME, null, null, "#0078d4", "", "has sent you a protected message.",
                "Read the message", "", "", true, true, 0, "");
    }

    public boolean expires() {
        return externalExpiryDays > 0;
    }
}
