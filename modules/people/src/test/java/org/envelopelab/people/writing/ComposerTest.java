package org.envelopelab.people.writing;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.envelopelab.mailnet.Account;
import org.envelopelab.mailnet.MailSummary;
import org.envelopelab.mailnet.MailWorld;
import org.envelopelab.mailnet.SiteKind;
import org.envelopelab.mailnet.SiteSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComposerTest {

    private static MailWorld world;
    private static Composer composer;

    @BeforeAll
    static void world() {
        world = MailWorld.start(List.of(new SiteSpec("Contoso", "contoso.example", SiteKind.ORGANIZATION,
                List.of(new Account("alice@contoso.example", "Alice Adams", "pw")))));
        composer = new Composer(world, Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    void textAndHtmlBecomeAlternativesWithFilesInAMixedMessage() throws Exception {
        MimeMessage message = composer.compose(new Draft("alice@contoso.example", List.of("carol@gmail.example"),
                List.of("bob@contoso.example"), List.of("dave@yahoo.example"), "Statement – März",
                "Plain words", "<p>Rich <b>words</b></p>",
                List.of(new Draft.Attachment("statement.csv", "text/csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8))),
                "<statement.1@contoso.example>"));

        MailSummary summary = MailSummary.parse(bytes(message));
        assertThat(summary.contentType()).isEqualTo("multipart/mixed");
        assertThat(summary.parts()).extracting(part -> part.contentType())
                .containsExactly("text/plain", "text/html", "text/csv");
        assertThat(summary.attachments()).singleElement().satisfies(part -> assertThat(part.fileName()).isEqualTo("statement.csv"));
        assertThat(summary.subject()).isEqualTo("Statement – März");
        assertThat(summary.from()).isEqualTo("Alice Adams <alice@contoso.example>");
        assertThat(summary.messageId()).isEqualTo("<statement.1@contoso.example>");
        assertThat(summary.date()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
        assertThat(message.getRecipients(Message.RecipientType.BCC)).hasSize(1);
        MimeMultipart mixed = (MimeMultipart) message.getContent();
        assertThat(mixed.getBodyPart(0).getContentType()).startsWith("multipart/alternative");
    }

    @Test
    void aTextOnlyMessageIsOnePartAndGetsAMessageIdAtTheSendersDomain() throws Exception {
        MimeMessage message = composer.compose(Draft.text("alice@contoso.example", "carol@gmail.example", "Hi", "Hello"));

        MailSummary summary = MailSummary.parse(bytes(message));
        assertThat(summary.contentType()).isEqualTo("text/plain");
        assertThat(summary.parts()).hasSize(1);
        assertThat(summary.messageId()).endsWith("@contoso.example>");
    }

    @Test
    void aDraftWithoutRecipientsIsRefused() {
        Draft nobody = new Draft("alice@contoso.example", List.of(), List.of(), List.of(), "Hi", "Hello", "", List.of(), null);
        assertThatThrownBy(() -> composer.compose(nobody)).hasMessage("a message needs at least one recipient");
    }

    private static byte[] bytes(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }
}
