package org.envelopelab.service.branding;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The limits the product's OME configuration puts on a branding template, checked all at once so
 * an admin sees every problem in one go: name 1–64 characters; logo PNG, JPEG, BMP or TIFF (40 KB
 * is the recommended size: more is a warning, not a refusal); background colour #RRGGBB or a colour
 * name; email, introduction, read-button and disclaimer texts up to 1,024
 * characters each; portal text up to 128; expiry 0–730 days; privacy statement URL empty or an
 * absolute http(s) URL; and at least one way for outside recipients to sign in.
 */
public final class BrandingRules {

    public static final int NAME_LIMIT = 64;
    public static final int LOGO_LIMIT_BYTES = 40 * 1024;
    public static final int TEXT_LIMIT = 1024;
    public static final int PORTAL_TEXT_LIMIT = 128;
    public static final int EXPIRY_LIMIT_DAYS = 730;

    private static final Pattern COLOUR = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_SIGNATURE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] BMP_SIGNATURE = {'B', 'M'};
    private static final byte[] TIFF_LITTLE_ENDIAN = {'I', 'I', 0x2A, 0};
    private static final byte[] TIFF_BIG_ENDIAN = {'M', 'M', 0, 0x2A};

    private BrandingRules() {
    }

    /** Every way the template breaks the limits, one sentence each; empty when it is fine. */
    public static List<String> problems(BrandingTemplate template) {
        List<String> problems = new ArrayList<>();
        checkName(template.name(), problems);
        checkLogo(template.logo(), template.logoType(), problems);
        if (template.backgroundColor() == null || !COLOUR.matcher(template.backgroundColor()).matches()) {
            problems.add("the background colour '" + template.backgroundColor() + "' is not a colour written #RRGGBB"
                    + " or a colour name such as teal");
        }
        checkLength("email text", template.emailText(), TEXT_LIMIT, problems);
        checkLength("introduction text", template.introductionText(), TEXT_LIMIT, problems);
        checkLength("read-button text", template.readButtonText(), TEXT_LIMIT, problems);
        checkLength("disclaimer text", template.disclaimerText(), TEXT_LIMIT, problems);
        checkLength("portal text", template.portalText(), PORTAL_TEXT_LIMIT, problems);
        if (template.externalExpiryDays() < 0 || template.externalExpiryDays() > EXPIRY_LIMIT_DAYS) {
            problems.add("the external mail expiry is " + template.externalExpiryDays()
                    + " days; it must be from 0 (never) to " + EXPIRY_LIMIT_DAYS + " days");
        }
        checkPrivacyStatementUrl(template.privacyStatementUrl(), problems);
        if (!template.otpEnabled() && !template.socialSignInEnabled()) {
            problems.add("both one-time passcodes and social sign-in are off, so recipients outside the organization"
                    + " could not sign in to read protected mail");
        }
        return problems;
    }

    private static void checkName(String name, List<String> problems) {
        if (name == null || name.isBlank()) {
            problems.add("the template needs a name");
        } else if (length(name) > NAME_LIMIT) {
            problems.add("the name is " + length(name) + " characters long; the limit is " + NAME_LIMIT);
        }
    }

    private static void checkLogo(byte[] logo, String logoType, List<String> problems) {
        if (logo == null) {
            if (logoType != null) {
                problems.add("the logo type is " + logoType + " but there is no logo");
            }
            return;
        }
        String actual = imageType(logo);
        if (actual == null) {
            problems.add("the logo is not a PNG, JPEG, BMP or TIFF image (by its first bytes)");
        } else if (logoType == null || !actual.equalsIgnoreCase(logoType.strip())) {
            problems.add("the logo is a " + actual.substring("image/".length()).toUpperCase(Locale.ROOT)
                    + " image but its type says " + (logoType == null ? "nothing" : logoType));
        }
    }

    /** What works but is not as the product recommends: a logo over 40 KB. */
    public static List<String> warnings(BrandingTemplate template) {
        byte[] logo = template.logo();
        if (logo != null && logo.length > LOGO_LIMIT_BYTES) {
            return List.of(String.format(Locale.ROOT, "the logo is %,d bytes; 40 KB (%,d bytes) is the recommended"
                    + " size, and larger logos make every wrapper larger", logo.length, LOGO_LIMIT_BYTES));
        }
        return List.of();
    }

    /** The image type by the file's first bytes, or null when it is none the product takes. */
    static String imageType(byte[] image) {
        if (startsWith(image, PNG_SIGNATURE)) {
            return "image/png";
        }
        if (startsWith(image, JPEG_SIGNATURE)) {
            return "image/jpeg";
        }
        if (startsWith(image, BMP_SIGNATURE)) {
            return "image/bmp";
        }
        return startsWith(image, TIFF_LITTLE_ENDIAN) || startsWith(image, TIFF_BIG_ENDIAN) ? "image/tiff" : null;
    }

    private static void checkLength(String what, String text, int limit, List<String> problems) {
        if (text != null && length(text) > limit) {
            problems.add(String.format(Locale.ROOT, "the %s is %,d characters long; the limit is %,d", what, length(text), limit));
        }
    }

    private static void checkPrivacyStatementUrl(String url, List<String> problems) {
        if (url == null || url.isEmpty()) {
            return;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return;
            }
        } catch (URISyntaxException e) {
            // reported below, like any other URL that is not an absolute http(s) one
        }
        problems.add("the privacy statement URL '" + url + "' is not an absolute http or https URL");
    }

    /** Characters as people count them: an emoji is one, not two UTF-16 units. */
    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static boolean startsWith(byte[] bytes, byte[] signature) {
        return bytes.length >= signature.length && Arrays.equals(bytes, 0, signature.length, signature, 0, signature.length);
    }
}
