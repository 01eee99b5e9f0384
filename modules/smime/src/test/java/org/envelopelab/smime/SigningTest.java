package org.envelopelab.smime;

import jakarta.mail.internet.MimeMessage;
import org.envelopelab.pki.CertificateAuthority;
import org.envelopelab.pki.Credential;
import org.envelopelab.pki.KeyType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningTest {

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void clearSignedMessagesVerifyForEveryKeyType(KeyType type) throws Exception {
        Credential signer = People.of(type);
        MimeMessage signed = Smime.sign(Letters.letter(), signer, SignatureForm.CLEAR);

        assertThat(SmimeKind.of(signed)).isEqualTo(SmimeKind.CLEAR_SIGNED);
        assertThat(signed.getContentType()).startsWith("multipart/signed").contains("application/pkcs7-signature").contains("micalg=sha-256");
        assertThat(signed.getSubject()).isEqualTo("Quarterly numbers");
        Verification verification = Smime.verify(signed);
        assertThat(verification.signatureValid()).isTrue();
        assertThat(verification.problem()).isEmpty();
        assertThat(verification.signer()).isEqualTo(signer.certificate());
        assertThat(verification.certificates()).containsExactlyInAnyOrderElementsOf(signer.chain());
        assertThat(verification.digestAlgorithm()).isEqualTo("SHA-256");
        assertThat(verification.signingTime()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
        assertThat(Letters.text(verification.content())).isEqualTo(Letters.TEXT);
        assertThat(verification.content().getSubject()).isEqualTo("Quarterly numbers");
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void opaqueSignedMessagesVerifyForEveryKeyType(KeyType type) throws Exception {
        Credential signer = People.of(type);
        MimeMessage signed = Smime.sign(Letters.letter(), signer, SignatureForm.OPAQUE);

        assertThat(SmimeKind.of(signed)).isEqualTo(SmimeKind.OPAQUE_SIGNED);
        assertThat(signed.getContentType()).contains("application/pkcs7-mime").contains("smime-type=signed-data");
        Verification verification = Smime.verify(signed);
        assertThat(verification.signatureValid()).isTrue();
        assertThat(verification.signer()).isEqualTo(signer.certificate());
        assertThat(Letters.text(verification.content())).isEqualTo(Letters.TEXT);
        assertThat(verification.content().getFrom()[0].toString()).isEqualTo("alice@contoso.example");
    }

    @Test
    void theSigningTimeComesFromTheClockGiven() throws Exception {
        Instant labNow = Instant.parse("2026-03-02T09:00:00Z");
        MimeMessage signed = Smime.sign(Letters.letter(), People.ALICE, SignatureForm.CLEAR, Clock.fixed(labNow, ZoneOffset.UTC));

        assertThat(Smime.verify(signed).signingTime()).isEqualTo(labNow);
    }

    @Test
    void aChangedClearSignedBodyIsReportedNotThrown() throws Exception {
        byte[] signed = Letters.bytes(Smime.sign(Letters.letter(), People.ALICE, SignatureForm.CLEAR));
        String wire = new String(signed, StandardCharsets.ISO_8859_1);
        assertThat(wire).contains("revenue 4.2 M");
        MimeMessage changed = Letters.parse(wire.replace("revenue 4.2 M", "revenue 9.9 M").getBytes(StandardCharsets.ISO_8859_1));

        Verification verification = Smime.verify(changed);

        assertThat(verification.signatureValid()).isFalse();
        assertThat(verification.problem()).isEqualTo("the signature does not match the content: the message was changed after it was signed");
        assertThat(verification.signer()).isEqualTo(People.ALICE.certificate());
        assertThat(Letters.text(verification.content())).contains("revenue 9.9 M");
    }

    @Test
    void signedMessagesSurviveSavingWritingAndParsing() throws Exception {
        for (SignatureForm form : SignatureForm.values()) {
            MimeMessage signed = Smime.sign(Letters.letterWithAttachment(), People.CAROL, form);

            MimeMessage arrived = Letters.transported(Letters.transported(signed));

            Verification verification = Smime.verify(arrived);
            assertThat(verification.signatureValid()).as(form.name()).isTrue();
            assertThat(Letters.text(verification.content())).isEqualTo(Letters.TEXT);
        }
    }

    @Test
    void aSignedPartWithoutATransferEncodingGetsOneBeforeItIsSigned() throws Exception {
        MimeMessage received = Letters.parse(("From: alice@contoso.example\r\nTo: bob@contoso.example\r\nSubject: No encoding\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n\r\nPlain words.\r\n").getBytes(StandardCharsets.US_ASCII));

        MimeMessage signed = Smime.sign(received, People.ALICE, SignatureForm.CLEAR);

        String wire = new String(Letters.bytes(signed), StandardCharsets.ISO_8859_1);
        assertThat(wire).contains("Content-Transfer-Encoding: 7bit\r\n\r\nThis is an S/MIME signed message")
                .contains("Content-Type: text/plain; charset=us-ascii\r\nContent-Transfer-Encoding: 7bit\r\n\r\nPlain words.\r\n");
        assertThat(Smime.verify(Letters.transported(signed)).signatureValid()).isTrue();
    }

    @Test
    void aKeyThatIsNotTheCertificatesIsRefused() {
        Credential mismatched = new Credential(People.EVE.privateKey(), People.ALICE.certificate(), People.ALICE.chain());

        assertThatThrownBy(() -> Smime.sign(Letters.letter(), mismatched, SignatureForm.CLEAR))
                .isInstanceOf(SmimeException.class)
                .hasMessageStartingWith("the private key does not belong to the certificate of Alice Adams <alice@contoso.example>");
    }

    @Test
    void aSignatureMadeAfterTheCertificateExpiredStillMatches() throws Exception {
        Instant twoYearsAgo = Instant.now().minus(Duration.ofDays(730));
        CertificateAuthority old = CertificateAuthority.create("Old Root CA", "Old", Clock.fixed(twoYearsAgo, ZoneOffset.UTC), new SecureRandom());
        Credential expired = old.issue("alice@contoso.example", "Alice Adams", KeyType.EC_P256);

        Verification verification = Smime.verify(Smime.sign(Letters.letter(), expired, SignatureForm.CLEAR));

        assertThat(verification.signatureValid()).as(verification.problem()).isTrue();
        assertThat(verification.signer().getNotAfter().toInstant()).isBefore(Instant.now());
    }

    @Test
    void aClearSignedPartIsSevenBitWhateverItWasWritten() throws Exception {
        String head = "From: alice@contoso.example\r\nTo: bob@contoso.example\r\nSubject: Coffee\r\nMIME-Version: 1.0\r\n";
        String text = "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nCaf\u00e9 au lait, \u00e0 bient\u00f4t.\r\n";
        String binary = "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\n\r\n\u00ff\u00fe\u0001\u0002\r\n";
        String mixed = "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n" + text + "--b\r\n" + binary + "--b--\r\n";

        for (String entity : List.of(text, mixed)) {
            MimeMessage signed = Smime.sign(Letters.parse((head + entity).getBytes(StandardCharsets.UTF_8)), People.ALICE, SignatureForm.CLEAR);
            byte[] wire = Letters.bytes(signed);

            assertThat(SevenBitEntity.isSevenBit(wire)).as(new String(wire, StandardCharsets.UTF_8)).isTrue();
            assertThat(new String(wire, StandardCharsets.US_ASCII)).doesNotContainIgnoringCase("8bit").doesNotContainIgnoringCase("binary");
            Verification verification = Smime.verify(Letters.transported(signed));
            assertThat(verification.signatureValid()).isTrue();
            assertThat(Letters.text(verification.content())).contains("Caf\u00e9 au lait, \u00e0 bient\u00f4t.");
        }
    }
}
