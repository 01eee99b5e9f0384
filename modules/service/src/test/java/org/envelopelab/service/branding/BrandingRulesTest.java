package org.envelopelab.service.branding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class BrandingRulesTest {

    private static List<String> problemsWith(Consumer<Branding> change) {
        Branding branding = new Branding();
        change.accept(branding);
        return BrandingRules.problems(branding.template());
    }

    @Test
    void aValidTemplateAndTheDefaultHaveNoProblems() {
        assertThat(BrandingRules.problems(new Branding().template())).isEmpty();
        assertThat(BrandingRules.problems(BrandingTemplate.defaults())).isEmpty();
    }

    @Test
    void theNameMayHave64CharactersButNot65() {
        assertThat(problemsWith(b -> b.name = "n".repeat(64))).isEmpty();
        assertThat(problemsWith(b -> b.name = "n".repeat(65))).containsExactly("the name is 65 characters long; the limit is 64");
        assertThat(problemsWith(b -> b.name = " ")).containsExactly("the template needs a name");
    }

    @Test
    void charactersAreCountedAsPeopleCountThem() {
        assertThat(problemsWith(b -> b.name = "🏦".repeat(64))).isEmpty();
    }

    @Test
    void eachOfTheFourTextsMayHave1024CharactersButNot1025() {
        assertThat(problemsWith(b -> {
            b.emailText = "e".repeat(1024);
            b.introductionText = "i".repeat(1024);
            b.readButtonText = "r".repeat(1024);
            b.disclaimerText = "d".repeat(1024);
        })).isEmpty();
        assertThat(problemsWith(b -> {
            b.emailText = "e".repeat(1025);
            b.introductionText = "i".repeat(1025);
            b.readButtonText = "r".repeat(1025);
            b.disclaimerText = "d".repeat(1025);
        })).containsExactly(
                "the email text is 1,025 characters long; the limit is 1,024",
                "the introduction text is 1,025 characters long; the limit is 1,024",
                "the read-button text is 1,025 characters long; the limit is 1,024",
                "the disclaimer text is 1,025 characters long; the limit is 1,024");
    }

    @Test
    void thePortalTextMayHave128CharactersButNot129() {
        assertThat(problemsWith(b -> b.portalText = "p".repeat(128))).isEmpty();
        assertThat(problemsWith(b -> b.portalText = "p".repeat(129))).containsExactly("the portal text is 129 characters long; the limit is 128");
    }

    @Test
    void aLogoOver40KilobytesIsAWarningNotARefusal() {
        Branding exactly = new Branding();
        exactly.logo = Branding.png(40 * 1024);
        assertThat(problemsWith(b -> b.logo = Branding.png(40 * 1024))).isEmpty();
        assertThat(BrandingRules.warnings(exactly.template())).isEmpty();
        Branding larger = new Branding();
        larger.logo = Branding.jpeg(40 * 1024 + 1);
        larger.logoType = "image/jpeg";
        assertThat(BrandingRules.problems(larger.template())).isEmpty();
        assertThat(BrandingRules.warnings(larger.template())).containsExactly("the logo is 40,961 bytes; 40 KB (40,960 bytes)"
                + " is the recommended size, and larger logos make every wrapper larger");
    }

    @Test
    void bmpAndTiffLogosAreTakenAsTheProductTakesThem() {
        assertThat(problemsWith(b -> {
            b.logo = new byte[] {'B', 'M', 0, 0, 0, 0};
            b.logoType = "image/bmp";
        })).isEmpty();
        assertThat(problemsWith(b -> {
            b.logo = new byte[] {'I', 'I', 0x2A, 0, 8, 0};
            b.logoType = "image/tiff";
        })).isEmpty();
        assertThat(problemsWith(b -> {
            b.logo = new byte[] {'M', 'M', 0, 0x2A, 0, 8};
            b.logoType = "image/png";
        })).containsExactly("the logo is a TIFF image but its type says image/png");
    }

    @Test
    void theLogoMustBeAnImageTheProductTakesByItsBytesAndItsTypeMustSayWhichItIs() {
        assertThat(problemsWith(b -> {
            b.logo = "GIF89a...".getBytes(StandardCharsets.US_ASCII);
            b.logoType = "image/gif";
        })).containsExactly("the logo is not a PNG, JPEG, BMP or TIFF image (by its first bytes)");
        assertThat(problemsWith(b -> b.logoType = "image/jpeg")).containsExactly("the logo is a PNG image but its type says image/jpeg");
        assertThat(problemsWith(b -> b.logoType = null)).containsExactly("the logo is a PNG image but its type says nothing");
        assertThat(problemsWith(b -> b.logo = null)).containsExactly("the logo type is image/png but there is no logo");
        assertThat(problemsWith(b -> {
            b.logo = null;
            b.logoType = null;
        })).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bluish", "#12345", "#1234567", "004B87", "#00GG00"})
    void theBackgroundColourMustBeHashAndSixHexDigitsOrAColourName(String colour) {
        assertThat(problemsWith(b -> b.backgroundColor = colour))
                .containsExactly("the background colour '" + colour + "' is not a colour written #RRGGBB or a colour name such as teal");
    }

    @Test
    void aColourNameBecomesItsHexValue() {
        Branding teal = new Branding();
        teal.backgroundColor = "Teal";
        assertThat(teal.template().backgroundColor()).isEqualTo("#008080");
        assertThat(BrandingRules.problems(teal.template())).isEmpty();
    }

    @Test
    void theExpiryRunsFromZeroTo730Days() {
        assertThat(problemsWith(b -> b.externalExpiryDays = 0)).isEmpty();
        assertThat(problemsWith(b -> b.externalExpiryDays = 730)).isEmpty();
        assertThat(problemsWith(b -> b.externalExpiryDays = -1))
                .containsExactly("the external mail expiry is -1 days; it must be from 0 (never) to 730 days");
        assertThat(problemsWith(b -> b.externalExpiryDays = 731))
                .containsExactly("the external mail expiry is 731 days; it must be from 0 (never) to 730 days");
    }

    @ParameterizedTest
    @ValueSource(strings = {"contoso.example/privacy", "ftp://contoso.example/privacy", "https://", "mailto:privacy@contoso.example",
            "https://contoso example/privacy"})
    void thePrivacyStatementUrlMustBeAnAbsoluteWebAddress(String url) {
        assertThat(problemsWith(b -> b.privacyStatementUrl = url))
                .containsExactly("the privacy statement URL '" + url + "' is not an absolute http or https URL");
    }

    @Test
    void anEmptyPrivacyStatementUrlOrAPlainHttpOneIsFine() {
        assertThat(problemsWith(b -> b.privacyStatementUrl = "")).isEmpty();
        assertThat(problemsWith(b -> b.privacyStatementUrl = "http://contoso.example/privacy")).isEmpty();
    }

    @Test
    void somebodyOutsideMustBeAbleToSignIn() {
        assertThat(problemsWith(b -> b.otpEnabled = false)).isEmpty();
        assertThat(problemsWith(b -> b.socialSignInEnabled = false)).isEmpty();
        assertThat(problemsWith(b -> {
            b.otpEnabled = false;
            b.socialSignInEnabled = false;
        })).containsExactly("both one-time passcodes and social sign-in are off, so recipients outside the organization"
                + " could not sign in to read protected mail");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThat(problemsWith(b -> {
            b.name = "n".repeat(65);
            b.backgroundColor = "reddish";
            b.portalText = "p".repeat(200);
            b.externalExpiryDays = 1000;
        })).hasSize(4);
    }
}
