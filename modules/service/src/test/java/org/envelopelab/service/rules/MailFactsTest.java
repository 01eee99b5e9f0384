package org.envelopelab.service.rules;

import jakarta.activation.DataHandler;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.envelopelab.smime.EncryptionOptions;
import org.envelopelab.smime.SignatureForm;
import org.envelopelab.smime.Smime;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envelopelab.service.rules.ContosoBank.ALICE;
import static org.envelopelab.service.rules.ContosoBank.BOB;
import static org.envelopelab.service.rules.ContosoBank.CAROL;

/** Reading real MIME, as composed by Jakarta Mail, into what the rules see. */
class MailFactsTest {

    private static final String CSV = "name,card,ssn\r\nCarol Clark,4111 1111 1111 1111,123-45-6789\r\n";

    @Test
    void aPlainTextMessageGivesItsEnvelopeSubjectAndBody() throws Exception {
        MimeMessage message = Letters.text("Grüße aus Zürich", "Card 4111 1111 1111 1111, thanks.\r\n");

        MailFacts facts = Letters.facts(message);

        assertThat(facts.sender()).isEqualTo(ALICE);
        assertThat(facts.recipients()).containsExactly(CAROL, BOB);
        assertThat(facts.subject()).isEqualTo("Grüße aus Zürich");
        assertThat(facts.bodyText()).isEqualTo("Card 4111 1111 1111 1111, thanks.\r\n");
        assertThat(facts.attachments()).isEmpty();
        assertThat(facts.hasAttachments()).isFalse();
        assertThat(facts.smimeOpaque()).isFalse();
        assertThat(facts.protectedByService()).isFalse();
        assertThat(facts.requestedTemplate()).isNull();
    }

    @Test
    void theEnvelopeWinsOverTheHeaders() throws Exception {
        byte[] raw = Letters.bytes(Letters.text("Hi", "hello"));

        MailFacts facts = MailFacts.of(raw, "bounces@contoso.example", List.of("dan@yahoo.example"));

        assertThat(facts.sender()).isEqualTo("bounces@contoso.example");
        assertThat(facts.recipients()).containsExactly("dan@yahoo.example");
    }

    @Test
    void anHtmlOnlyBodyIsReadAsItsText() throws Exception {
        MimeMessage message = Letters.letter("Statement");
        message.setText("<html><head><style>p{color:red}</style></head><body><p>Your&nbsp;card <b>4111&#32;1111 1111 1111</b>"
                + "</p><!-- 5555555555554444 --><p>Regards &amp; thanks</p></body></html>", "UTF-8", "html");

        MailFacts facts = Letters.facts(message);

        assertThat(facts.bodyText()).isEqualTo("Your card 4111 1111 1111 1111\nRegards & thanks");
    }

    @Test
    void ofTwoAlternativesOnlyThePlainTextIsRead() throws Exception {
        MimeMultipart alternative = new MimeMultipart("alternative",
                Letters.textPart("diagnosis: fine", "plain"), Letters.textPart("<p>diagnosis: <i>fine</i></p>", "html"));

        MailFacts facts = Letters.facts(Letters.withContent("Results", alternative));

        assertThat(facts.bodyText()).isEqualTo("diagnosis: fine");
    }

    @Test
    void base64AndQuotedPrintableAttachmentsAreDecoded() throws Exception {
        MimeMultipart mixed = new MimeMultipart("mixed",
                Letters.textPart("see attached", "plain"),
                Letters.attachment("cards.txt", "Visa 4111-1111-1111-1111".getBytes(StandardCharsets.UTF_8), "text/plain", "base64"),
                Letters.attachment("notes.txt", "Biopsy = scheduled; café".getBytes(StandardCharsets.UTF_8),
                        "text/plain; charset=UTF-8", "quoted-printable"));
        byte[] raw = Letters.bytes(Letters.withContent("Files", mixed));
        String wire = new String(raw, StandardCharsets.US_ASCII);

        MailFacts facts = MailFacts.of(raw, ALICE, List.of(CAROL));

        assertThat(wire).contains("VmlzYSA0MTExLTExMTEtMTExMS0xMTEx").contains("Biopsy =3D scheduled; caf=C3=A9");
        assertThat(facts.attachments()).containsExactly(
                new MailFacts.AttachmentText("cards.txt", "text/plain", "Visa 4111-1111-1111-1111"),
                new MailFacts.AttachmentText("notes.txt", "text/plain", "Biopsy = scheduled; café"));
    }

    @Test
    void aCsvAttachmentInMultipartMixedIsText() throws Exception {
        MimeMultipart mixed = new MimeMultipart("mixed",
                Letters.textPart("Your statement is attached.", "plain"),
                Letters.attachment("statement.csv", CSV.getBytes(StandardCharsets.US_ASCII), "text/csv", "base64"),
                Letters.attachment("logo.png", new byte[]{(byte) 0x89, 'P', 'N', 'G'}, "image/png", "base64"));

        MailFacts facts = Letters.facts(Letters.withContent("Statement", mixed));

        assertThat(facts.bodyText()).isEqualTo("Your statement is attached.");
        assertThat(facts.attachments()).containsExactly(
                new MailFacts.AttachmentText("statement.csv", "text/csv", CSV),
                new MailFacts.AttachmentText("logo.png", "image/png", null));
        assertThat(facts.hasAttachments()).isTrue();
    }

    @Test
    void anAlternativeInsideMixedGivesOneBodyAndTheAttachments() throws Exception {
        MimeBodyPart alternative = new MimeBodyPart();
        alternative.setContent(new MimeMultipart("alternative", Letters.textPart("plain words", "plain"),
                Letters.textPart("<b>rich words</b>", "html")));
        MimeMultipart mixed = new MimeMultipart("mixed", alternative,
                Letters.attachment("statement.csv", CSV.getBytes(StandardCharsets.US_ASCII), "text/csv", "quoted-printable"));

        MailFacts facts = Letters.facts(Letters.withContent("Statement", mixed));

        assertThat(facts.bodyText()).isEqualTo("plain words");
        assertThat(facts.attachments()).extracting(MailFacts.AttachmentText::name).containsExactly("statement.csv");
    }

    @Test
    void smimeEncryptedMailShowsOnlyItsHeaders() throws Exception {
        MimeMultipart mixed = new MimeMultipart("mixed", Letters.textPart("Card 4111 1111 1111 1111", "plain"),
                Letters.attachment("statement.csv", CSV.getBytes(StandardCharsets.US_ASCII), "text/csv", "base64"));
        MimeMessage encrypted = Smime.encrypt(Letters.withContent("Your statement", mixed),
                List.of(Letters.CAROL_SMIME.certificate()), EncryptionOptions.defaults());

        MailFacts facts = Letters.facts(encrypted);

        assertThat(facts.smimeOpaque()).isTrue();
        assertThat(facts.subject()).isEqualTo("Your statement");
        assertThat(facts.sender()).isEqualTo(ALICE);
        assertThat(facts.recipients()).containsExactly(CAROL, BOB);
        assertThat(facts.bodyText()).isEmpty();
        assertThat(facts.attachments()).isEmpty();
    }

    @Test
    void opaqueSignedMailIsOpaqueButClearSignedMailIsNot() throws Exception {
        MimeMessage opaque = Smime.sign(Letters.text("Signed", "SSN 123-45-6789"), Letters.CAROL_SMIME, SignatureForm.OPAQUE);
        MimeMessage clear = Smime.sign(Letters.text("Signed", "SSN 123-45-6789"), Letters.CAROL_SMIME, SignatureForm.CLEAR);

        assertThat(Letters.facts(opaque).smimeOpaque()).isTrue();
        MailFacts clearFacts = Letters.facts(clear);
        assertThat(clearFacts.smimeOpaque()).isFalse();
        assertThat(clearFacts.bodyText()).isEqualTo("SSN 123-45-6789");
        assertThat(clearFacts.attachments()).as("the signature is not an attachment").isEmpty();
    }

    @Test
    void mailThisServiceProtectedIsRecognisedWholeOrAsAPart() throws Exception {
        MimeMessage whole = Letters.letter("Protected");
        whole.setDataHandler(new DataHandler(new ByteArrayDataSource(new byte[]{1, 2, 3}, MailFacts.PROTECTED_TYPE)));
        MimeBodyPart protectedPart = Letters.attachment("message.envelope", new byte[]{1, 2, 3}, MailFacts.PROTECTED_TYPE, "base64");
        MimeMessage wrapper = Letters.withContent("Protected", new MimeMultipart("mixed",
                Letters.textPart("You have received a protected message.", "plain"), protectedPart));

        assertThat(Letters.facts(whole).protectedByService()).isTrue();
        assertThat(Letters.facts(whole).attachments()).isEmpty();
        assertThat(Letters.facts(wrapper).protectedByService()).isTrue();
        assertThat(Letters.facts(wrapper).attachments())
                .containsExactly(new MailFacts.AttachmentText("message.envelope", MailFacts.PROTECTED_TYPE, null));
    }

    @Test
    void theProtectHeaderIsTheTemplateTheSenderAskedFor() throws Exception {
        MimeMessage message = Letters.text("Offer", "hello");
        message.setHeader(MailFacts.PROTECT_HEADER, " Do Not Forward ");

        assertThat(Letters.facts(message).requestedTemplate()).isEqualTo("Do Not Forward");
    }

    @Test
    void aForwardedMessagesTextIsAttachmentText() throws Exception {
        MimeBodyPart forwarded = new MimeBodyPart();
        forwarded.setContent(Letters.text("Old statement", "SSN 123-45-6789"), "message/rfc822");

        MailFacts facts = Letters.facts(Letters.withContent("Fwd", new MimeMultipart("mixed", Letters.textPart("FYI", "plain"), forwarded)));

        assertThat(facts.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.name()).isEqualTo("attached message");
            assertThat(attachment.contentType()).isEqualTo("message/rfc822");
            assertThat(attachment.text()).isEqualTo("Old statement\n\nSSN 123-45-6789");
        });
    }

    @Test
    void anUnknownCharsetIsReadAsUtf8() {
        byte[] raw = ("From: alice@contoso.example\r\nTo: carol@gmail.example\r\nSubject: x\r\n"
                + "Content-Type: text/plain; charset=no-such-charset\r\n\r\ncafé\r\n").getBytes(StandardCharsets.UTF_8);

        assertThat(MailFacts.of(raw, null, null).bodyText()).isEqualTo("café\r\n");
    }

    @Test
    void factsBuiltByHandTolerateMissingParts() {
        MailFacts facts = new MailFacts(null, null, null, null, null, false, false, "  ");

        assertThat(facts.sender()).isEmpty();
        assertThat(facts.recipients()).isEmpty();
        assertThat(facts.subject()).isEmpty();
        assertThat(facts.requestedTemplate()).isNull();
    }
}
