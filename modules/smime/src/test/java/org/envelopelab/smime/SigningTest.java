package org.envelopelab.smime;

import jakarta.mail.internet.MimeMessage;
import org.envelopelab.pki.Credential;
import org.envelopelab.pki.KeyType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

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
}
