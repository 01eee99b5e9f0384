package org.envelopelab.service.wrapper;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.envelopelab.service.branding.BrandingTemplate;
import org.envelopelab.service.protection.Lab;
import org.envelopelab.service.protection.Letter;
import org.envelopelab.service.protection.Protected;
import org.envelopelab.service.protection.ProtectionService;
import org.envelopelab.service.rights.RightsTemplate;
import org.envelopelab.testkit.MovableClock;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class WrapperMessageTest {

    /** A 1x1 PNG. */
    private static final byte[] LOGO = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    private static final URI PORTAL = URI.create("https://portal.contoso-bank.example");
    private static final BrandingTemplate CONTOSO = new BrandingTemplate("Contoso Bank", LOGO, "image/png", "#0A285A",
            "Contoso Bank protects messages that contain your card details.",
            "has sent you a secure message from Contoso Bank.", "Read your secure message",
            "Contoso Bank will never ask for your PIN or password by email.", "Contoso Bank secure message center",
            true, true, 30, "https://contoso-bank.example/privacy");

    private final ProtectionService service = Lab.service(Lab.contoso(), new MovableClock(Lab.START));

    @Test
    void keepsTheOriginalSenderRecipientsAndSubject() throws Exception {
        MimeMessage wrapper = parse(wrap(Letter.statement().bytes(), CONTOSO));

        assertThat(wrapper.getHeader("From", null)).isEqualTo("Alice Adams <alice@contoso-bank.example>");
        assertThat(wrapper.getHeader("To", null)).isEqualTo("Carol Clark <carol@gmail.example>");
        assertThat(wrapper.getHeader("Cc", null)).isEqualTo("Bob Brown <bob@contoso-bank.example>");
        assertThat(wrapper.getSubject()).isEqualTo("Your March card statement");
        assertThat(wrapper.getMessageID()).isEqualTo("<statement-1@contoso-bank.example>");
    }

    @Test
    void isMixedAlternativeRelatedWithTheLogoAndMessageHtml() throws Exception {
        MimeMessage wrapper = parse(wrap(Letter.statement().bytes(), CONTOSO));

        Multipart mixed = (Multipart) wrapper.getContent();
        assertThat(wrapper.isMimeType("multipart/mixed")).isTrue();
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        assertThat(mixed.getBodyPart(0).isMimeType("multipart/alternative")).isTrue();
        assertThat(alternative.getBodyPart(0).isMimeType("text/plain")).isTrue();
        Multipart related = (Multipart) alternative.getBodyPart(1).getContent();
        assertThat(alternative.getBodyPart(1).isMimeType("multipart/related")).isTrue();
        assertThat(related.getBodyPart(0).isMimeType("text/html")).isTrue();
        BodyPart logo = related.getBodyPart(1);
        assertThat(logo.isMimeType("image/png")).isTrue();
        assertThat(logo.getHeader("Content-ID")).containsExactly("<logo@wrapper.envelopelab>");
        assertThat(bytes(logo)).isEqualTo(LOGO);
        assertThat((String) related.getBodyPart(0).getContent()).contains("<img src=\"cid:logo@wrapper.envelopelab\"");
        BodyPart page = mixed.getBodyPart(1);
        assertThat(page.getFileName()).isEqualTo("message.html");
        assertThat(page.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(page.isMimeType("text/html")).isTrue();
    }

    @Test
    void showsTheBrandingTextsAndAButtonToThePortalWithTheToken() throws Exception {
        Protected result = protect(Letter.statement().bytes(), CONTOSO);
        MimeMessage wrapper = parse(WrapperMessage.build(Letter.statement().bytes(), result, CONTOSO, PORTAL));
        String link = "https://portal.contoso-bank.example/read/" + result.token();

        String html = html(wrapper);
        assertThat(html).contains("background-color:#0a285a")
                .contains("<p>Contoso Bank protects messages that contain your card details.</p>")
                .contains("<strong>Alice Adams</strong> has sent you a secure message from Contoso Bank.")
                .contains("<a id=\"read-button\" href=\"" + link + "\"")
                .contains(">Read your secure message</a>")
                .contains("Contoso Bank will never ask for your PIN or password by email.")
                .contains("<a href=\"https://contoso-bank.example/privacy\">Privacy statement</a>");
        assertThat(text(wrapper)).contains("Alice Adams has sent you a secure message from Contoso Bank.")
                .contains("Read your secure message: " + link);
        assertThat(text(page(wrapper))).contains("<a href=\"" + link + "\">Read your secure message</a>");
        assertThat(WrapperMessage.portalLink(WrapperMessage.build(Letter.statement().bytes(), result, CONTOSO, PORTAL)))
                .hasValue(URI.create(link));
    }

    @Test
    void showsTheExpiryDateWhenTheTemplateSetsOne() throws Exception {
        MimeMessage expiring = parse(wrap(Letter.statement().bytes(), CONTOSO));
        MimeMessage lasting = parse(wrap(Letter.statement().bytes(), BrandingTemplate.defaults()));

        assertThat(html(expiring)).contains("This message expires on Wednesday 1 April 2026, 09:00 UTC.");
        assertThat(text(expiring)).contains("This message expires on Wednesday 1 April 2026, 09:00 UTC.");
        assertThat(html(lasting)).doesNotContain("expires");
    }

    @Test
    void theDefaultTemplateHasNoLogoAndTheProductsWords() throws Exception {
        MimeMessage wrapper = parse(wrap(Letter.statement().bytes(), BrandingTemplate.defaults()));

        Multipart alternative = (Multipart) ((Multipart) wrapper.getContent()).getBodyPart(0).getContent();
        assertThat(alternative.getBodyPart(1).isMimeType("text/html")).isTrue();
        assertThat(html(wrapper)).doesNotContain("<img").contains("has sent you a protected message.").contains(">Read the message</a>");
    }

    @Test
    void escapesAScriptInTheSubjectAndTheSendersName() throws Exception {
        byte[] original = Letter.statement().from("\"<script>alert('name')</script>\" <alice@contoso-bank.example>")
                .subject("<script>alert(\"subject\")</script>").bytes();

        byte[] wrapper = wrap(original, CONTOSO);

        String html = html(parse(wrapper));
        assertThat(html).doesNotContain("<script>")
                .contains("<title>&lt;script&gt;alert(&quot;subject&quot;)&lt;/script&gt;</title>")
                .contains("<strong>&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;</strong>");
        assertThat(text(page(parse(wrapper)))).doesNotContain("<script>");
    }

    @Test
    void neverUsesAnUnsafeColourOrPrivacyLink() throws Exception {
        BrandingTemplate hostile = new BrandingTemplate("x", null, null, "red;background:url(https://evil.example/)",
                "", "", "", "", "", true, true, 0, "javascript:alert(1)");

        String html = html(parse(wrap(Letter.statement().bytes(), hostile)));

        assertThat(html).doesNotContain("evil.example").doesNotContain("javascript:").contains("background-color:#0078d4");
    }

    @Test
    void carriesNothingOfTheProtectedMessage() throws Exception {
        byte[] original = Letter.statement().html("<p>Card " + Letter.CARD_NUMBER + "</p>")
                .attach("statement.pdf", ("%PDF card " + Letter.CARD_NUMBER).getBytes(StandardCharsets.US_ASCII)).bytes();

        byte[] wrapper = wrap(original, CONTOSO);

        assertThat(new String(wrapper, StandardCharsets.ISO_8859_1)).doesNotContain(Letter.CARD_NUMBER)
                .doesNotContain("1,284.10").doesNotContain("statement.pdf").doesNotContain("protected-message.p7m");
        for (String text : allTexts(parse(wrapper))) {
            assertThat(text).doesNotContain(Letter.CARD_NUMBER).doesNotContain("1,284.10");
        }
    }

    @Test
    void aWrapperForAnUndatedMessageIsDatedByTheServicesClock() throws Exception {
        byte[] undated = Letter.statement().undated().bytes();

        MimeMessage wrapper = parse(wrap(undated, CONTOSO));

        assertThat(wrapper.getSentDate().toInstant()).isEqualTo(Lab.START);
        assertThat(text(wrapper)).contains("This message expires on Wednesday 1 April 2026");
    }

    @Test
    void theSendersNameCannotReorderTheWrappersWords() throws Exception {
        byte[] original = Letter.statement().from("Alice Adams\u2067\u202E <alice@contoso-bank.example>").bytes();

        MimeMessage wrapper = parse(wrap(original, CONTOSO));

        for (String text : allTexts(wrapper)) {
            assertThat(text).doesNotContain("\u202E", "\u2067").contains("Alice Adams");
        }
    }

    private Protected protect(byte[] original, BrandingTemplate branding) {
        return service.protect(original, Lab.ALICE, Lab.STATEMENT_RECIPIENTS, RightsTemplate.ENCRYPT_ONLY, branding);
    }

    private byte[] wrap(byte[] original, BrandingTemplate branding) {
        return WrapperMessage.build(original, protect(original, branding), branding, PORTAL);
    }

    private static MimeMessage parse(byte[] bytes) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
    }

    private static String html(MimeMessage wrapper) throws Exception {
        return allTexts(wrapper).stream().filter(text -> text.contains("<div")).findFirst().orElseThrow();
    }

    private static String text(MimeMessage wrapper) throws Exception {
        Multipart alternative = (Multipart) ((Multipart) wrapper.getContent()).getBodyPart(0).getContent();
        return (String) alternative.getBodyPart(0).getContent();
    }

    private static Part page(MimeMessage wrapper) throws Exception {
        return ((Multipart) wrapper.getContent()).getBodyPart(1);
    }

    private static String text(Part part) throws Exception {
        return new String(bytes(part), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Part part) throws Exception {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static List<String> allTexts(Part part) throws Exception {
        List<String> texts = new ArrayList<>();
        collect(part, texts);
        return texts;
    }

    private static void collect(Part part, List<String> texts) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), texts);
            }
        } else if (part.isMimeType("text/*")) {
            texts.add(new String(bytes(part), StandardCharsets.UTF_8));
        }
    }
}
