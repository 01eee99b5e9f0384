package org.envelopelab.portal.pages;

import org.envelopelab.service.branding.BrandingTemplate;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The templates on their own: escaping, the phone layout, and branding values that try to break out. */
class PagesTest {

    private final Pages pages = new Pages();

    @Test
    void aSenderNamedScriptIsShownAsText() {
        String html = pages.render("landing", new LandingPage(Look.neutral(), "<script>x</script>", "<script>alert(1)</script>",
                true, "/portal/read/t/passcode", "1.abc\"><script>", List.of()));

        assertThat(html).doesNotContain("<script>")
                .contains("<title>&lt;script&gt;x&lt;/script&gt;</title>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; sent you a protected message")
                .contains("value=\"1.abc&quot;&gt;&lt;script&gt;\"");
    }

    @Test
    void everyPageIsLaidOutForPhonesDownTo360Pixels() {
        String html = pages.render("refusal", new RefusalPage(Look.neutral(), "Link not found", "No.", null, null));

        assertThat(html).contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .contains("@media (max-width: 480px)")
                .doesNotContain("<script");
    }

    @Test
    void everyInputHasALabel() {
        String landing = pages.render("landing", new LandingPage(Look.neutral(), "t", "Alice", true, "/a", "c",
                List.of(new ProviderLink("Gmail", "gmail.example", "/s"))));
        String passcode = pages.render("passcode", new PasscodePage(Look.neutral(), "t", "n", "ABCD", null, true, "/v", "c@x",
                "c", "/l"));
        String signIn = pages.render("signin", new ProviderSignInPage(Look.provider("Gmail"), "t", "Gmail", "gmail.example",
                null, "/s", "c", null, "/l"));

        assertThat(landing).contains("<label for=\"email\">", "id=\"email\"", "Sign in with Gmail");
        assertThat(passcode).contains("<label for=\"passcode\">", "id=\"passcode\"", "<strong id=\"reference\">ABCD</strong>");
        assertThat(signIn).contains("<label for=\"email\">", "<label for=\"password\">", "Sign in to your Gmail account");
    }

    @Test
    void brandingValuesThatWouldBreakOutOfStyleOrLinkAreDropped() {
        BrandingTemplate d = BrandingTemplate.defaults();
        BrandingTemplate hostile = new BrandingTemplate("Evil", "<svg onload=alert(1)>".getBytes(), "image/svg+xml",
                "red;background:url(https://tracker.example/x)", "", "", "", "", "<b>Portal</b>", true, true, 0,
                "javascript:alert(1)");

        Look look = Look.of(hostile);

        assertThat(look.colour()).isEqualTo(d.backgroundColor());
        assertThat(look.logo()).isNull();
        assertThat(look.privacyUrl()).isNull();
        assertThat(pages.render("refusal", new RefusalPage(look, "t", "e", null, null)))
                .contains("&lt;b&gt;Portal&lt;/b&gt;").doesNotContain("javascript:", "tracker.example");
    }

    @Test
    void bandAndButtonsWearTheBrandingsColourWithTextThatCanBeRead() {
        BrandingTemplate d = BrandingTemplate.defaults();
        Look navy = Look.of(new BrandingTemplate("Navy", null, null, "#004b87", "", "", "", "", "", true, true, 0, ""));
        Look pale = Look.of(new BrandingTemplate("Pale", null, null, "#FFF4B0", "", "", "", "", "", true, true, 0, ""));

        assertThat(pages.render("refusal", new RefusalPage(navy, "t", "e", null, null)))
                .contains(".band, button { background-color: #004b87; color: #ffffff; }");
        assertThat(pale.foreground()).as("dark text on a pale yellow").isEqualTo("#1b1b1b");
        assertThat(Look.of(d).foreground()).as("white on the default blue").isEqualTo("#ffffff");
    }

    @Test
    void aPngLogoBecomesADataUri() {
        BrandingTemplate d = BrandingTemplate.defaults();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        Look look = Look.of(new BrandingTemplate("Contoso", png, "image/png", "#004B87", "", "", "", "", "", true, true, 0,
                "https://contoso.example/privacy"));

        assertThat(look.logo()).isEqualTo("data:image/png;base64,iVBORw==");
        assertThat(look.colour()).isEqualTo("#004b87");
        assertThat(look.privacyUrl()).isEqualTo("https://contoso.example/privacy");
        assertThat(d.logo()).isNull();
    }
}
