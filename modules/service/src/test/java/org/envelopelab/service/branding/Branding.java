package org.envelopelab.service.branding;

import java.util.Arrays;

/** A valid branding template to start from, changed one field at a time by the tests. */
final class Branding {

    static final byte[] PNG_HEADER = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    static final byte[] JPEG_HEADER = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};

    String name = "Contoso Bank";
    byte[] logo = png(2_000);
    String logoType = "image/png";
    String backgroundColor = "#004B87";
    String emailText = "Contoso Bank sent you a protected message.";
    String introductionText = "has sent you a secure message.";
    String readButtonText = "Read the message";
    String disclaimerText = "This message is confidential.";
    String portalText = "Contoso Bank secure mail";
    boolean otpEnabled = true;
    boolean socialSignInEnabled = true;
    int externalExpiryDays;
    String privacyStatementUrl = "https://contoso.example/privacy";

    static Branding named(String name) {
        Branding branding = new Branding();
        branding.name = name;
        return branding;
    }

    BrandingTemplate template() {
        return new BrandingTemplate(name, logo, logoType, backgroundColor, emailText, introductionText, readButtonText,
                disclaimerText, portalText, otpEnabled, socialSignInEnabled, externalExpiryDays, privacyStatementUrl);
    }

    static byte[] png(int size) {
        return image(PNG_HEADER, size);
    }

    static byte[] jpeg(int size) {
        return image(JPEG_HEADER, size);
    }

    private static byte[] image(byte[] header, int size) {
        byte[] image = Arrays.copyOf(header, size);
        Arrays.fill(image, header.length, size, (byte) 0x42);
        return image;
    }
}
