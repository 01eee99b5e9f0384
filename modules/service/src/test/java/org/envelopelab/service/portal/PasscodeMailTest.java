package org.envelopelab.service.portal;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.envelopelab.service.branding.BrandingTemplate;
import org.envelopelab.service.protection.Lab;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class PasscodeMailTest {

    private static final Instant EXPIRES = Instant.parse("2026-03-02T09:15:00Z");

    @Test
    void carriesThePasscodeAndReferenceFromTheTenantsNoReplyAddress() throws Exception {
        MimeMessage mail = parse(PasscodeMail.build(Lab.contoso(), Lab.CAROL, "QKDW", "40817263", BrandingTemplate.defaults(),
                "Alice Adams", EXPIRES));

        assertThat(mail.getHeader("From", null)).isEqualTo("Contoso Bank <no-reply@contoso-bank.example>");
        assertThat(mail.getHeader("To", null)).isEqualTo(Lab.CAROL);
        assertThat(mail.getSubject()).isEqualTo("Your one-time passcode to view the message");
        assertThat(mail.getSentDate().toInstant()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
        assertThat(mail.getMessageID()).startsWith("<passcode.QKDW.").endsWith("@contoso-bank.example>").doesNotContain("40817263");
        Multipart alternative = (Multipart) mail.getContent();
        String text = (String) alternative.getBodyPart(0).getContent();
        String html = (String) alternative.getBodyPart(1).getContent();
        assertThat(text).contains("40817263", "Reference: QKDW", "Alice Adams", "Monday 2 March 2026, 09:15 UTC");
        assertThat(html).contains(">40817263</p>", "<strong>QKDW</strong>", "background-color:#0078d4");
    }

    @Test
    void escapesTheSendersNameAndShowsTheLogo() throws Exception {
        BrandingTemplate d = BrandingTemplate.defaults();
        BrandingTemplate withLogo = new BrandingTemplate("Contoso", new byte[]{(byte) 0x89, 'P', 'N', 'G'}, "image/png",
                "#0a285a", "", d.introductionText(), d.readButtonText(), "", "", true, true, 0, "");

        MimeMessage mail = parse(PasscodeMail.build(Lab.contoso(), Lab.CAROL, "QKDW", "40817263", withLogo,
                "<b>Alice</b>", EXPIRES));

        Multipart related = (Multipart) ((Multipart) mail.getContent()).getBodyPart(1).getContent();
        String html = (String) related.getBodyPart(0).getContent();
        assertThat(html).contains("&lt;b&gt;Alice&lt;/b&gt;").doesNotContain("<b>Alice</b>").contains("cid:logo@passcode.envelopelab");
        assertThat(related.getBodyPart(1).isMimeType("image/png")).isTrue();
    }

    private static MimeMessage parse(byte[] bytes) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
    }
}
