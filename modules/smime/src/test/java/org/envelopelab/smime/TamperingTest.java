package org.envelopelab.smime;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSSignedData;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a client says when a message was changed on the way, cut short, or was never S/MIME. */
class TamperingTest {

    @ParameterizedTest
    @EnumSource(value = ContentCipher.class, names = {"AES_256_GCM", "AES_128_GCM"})
    void aFlippedCiphertextByteFailsTheGcmTag(ContentCipher cipher) throws Exception {
        MimeMessage encrypted = Smime.encrypt(Letters.letter(), List.of(People.BOB.certificate(), People.CAROL.certificate()),
                new EncryptionOptions(cipher, KeyTransport.RSA_OAEP_SHA256));
        InterceptedMessage intercepted = InterceptedMessage.of(encrypted);
        byte[] ciphertext = intercepted.ciphertext();
        ciphertext[ciphertext.length / 2] ^= 0x01;
        MimeMessage changed = intercepted.withCiphertext(ciphertext).message(Letters.SESSION);

        assertThatThrownBy(() -> Smime.decrypt(changed, People.BOB))
                .isInstanceOf(SmimeException.class)
                .hasMessage("the authentication tag does not match: the ciphertext was changed");
        assertThatThrownBy(() -> Smime.decrypt(changed, People.CAROL))
                .hasMessage("the authentication tag does not match: the ciphertext was changed");
    }

    @Test
    void aFlippedByteInTheLastCbcBlockBreaksThePadding() throws Exception {
        MimeMessage encrypted = Smime.encrypt(Letters.letter(), List.of(People.BOB.certificate()),
                new EncryptionOptions(ContentCipher.AES_256_CBC, KeyTransport.RSA_OAEP_SHA256));
        InterceptedMessage intercepted = InterceptedMessage.of(encrypted);
        byte[] ciphertext = intercepted.ciphertext();
        // The last plaintext block is the previous ciphertext block XOR the decryption of the last one;
        // changing its last byte changes the padding byte, which then no longer reads as valid padding.
        ciphertext[ciphertext.length - 17] ^= 0x7f;
        MimeMessage changed = intercepted.withCiphertext(ciphertext).message(Letters.SESSION);

        assertThatThrownBy(() -> Smime.decrypt(changed, People.BOB))
                .isInstanceOf(SmimeException.class)
                .hasMessageStartingWith("the content cannot be decrypted: the CBC padding is wrong");
    }

    @Test
    void aTruncatedSmimeP7mIsMalformed() throws Exception {
        String wire = new String(Letters.bytes(Smime.encrypt(Letters.letter(), List.of(People.BOB.certificate()),
                EncryptionOptions.defaults())), StandardCharsets.ISO_8859_1);
        MimeMessage truncated = Letters.parse(wire.substring(0, wire.length() - 200).getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> Smime.decrypt(truncated, People.BOB))
                .isInstanceOf(SmimeException.class)
                .hasMessageStartingWith("malformed S/MIME message: ");
    }

    @Test
    void aBodyThatIsNotCmsIsMalformed() throws Exception {
        MimeMessage garbage = Letters.parse(("From: mallory@fabrikam.example\r\n"
                + "Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + "VGhpcyBpcyBub3QgQ01TIGF0IGFsbCwganVzdCB0ZXh0Lg==\r\n").getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> Smime.decrypt(garbage, People.BOB))
                .isInstanceOf(SmimeException.class)
                .hasMessageStartingWith("malformed S/MIME message: ");
        assertThatThrownBy(() -> Smime.verify(garbage))
                .isInstanceOf(SmimeException.class)
                .hasMessageStartingWith("malformed S/MIME message: ");
    }

    @Test
    void aClearSignedMessageWithoutItsSignaturePartIsMalformed() throws Exception {
        String wire = new String(Letters.bytes(Smime.sign(Letters.letter(), People.ALICE, SignatureForm.CLEAR)), StandardCharsets.ISO_8859_1);
        String cut = wire.substring(0, wire.indexOf("Content-Type: application/pkcs7-signature"));

        assertThatThrownBy(() -> Smime.verify(Letters.parse(cut.getBytes(StandardCharsets.ISO_8859_1))))
                .isInstanceOf(SmimeException.class)
                .hasMessage("malformed S/MIME message: the multipart/signed body does not have a signed part and a signature part");
    }

    @Test
    void aChangedOpaqueSignedContentIsReported() throws Exception {
        MimeMessage signed = Smime.sign(Letters.letter(), People.CAROL, SignatureForm.OPAQUE);
        String wire = new String(Letters.bytes(signed), StandardCharsets.ISO_8859_1);
        int body = wire.indexOf("\r\n\r\n") + 4;
        byte[] cms = Base64.getMimeDecoder().decode(wire.substring(body));
        String inside = new String(cms, StandardCharsets.ISO_8859_1);
        int at = inside.indexOf("revenue 4.2 M");
        cms[at + 8] = '9';
        String changed = wire.substring(0, body) + Base64.getMimeEncoder().encodeToString(cms) + "\r\n";

        Verification verification = Smime.verify(Letters.parse(changed.getBytes(StandardCharsets.ISO_8859_1)));

        assertThat(verification.signatureValid()).isFalse();
        assertThat(verification.problem()).isEqualTo("the signature does not match the content: the message was changed after it was signed");
        assertThat(Letters.text(verification.content())).contains("revenue 9.2 M");
    }

    @Test
    void aSignatureWithoutTheSignersCertificateCannotBeChecked() throws Exception {
        String wire = new String(Letters.bytes(Smime.sign(Letters.letter(), People.ALICE, SignatureForm.CLEAR)), StandardCharsets.ISO_8859_1);
        int start = wire.indexOf("\r\n\r\n", wire.indexOf("Content-Type: application/pkcs7-signature")) + 4;
        int end = wire.indexOf("\r\n--", start);
        CMSSignedData signature = new CMSSignedData(Base64.getMimeDecoder().decode(wire.substring(start, end)));
        CMSSignedData stripped = CMSSignedData.replaceCertificatesAndCRLs(signature, new JcaCertStore(List.of()), null, null);
        String withoutCertificates = wire.substring(0, start) + Base64.getMimeEncoder().encodeToString(stripped.getEncoded()) + wire.substring(end);

        Verification verification = Smime.verify(Letters.parse(withoutCertificates.getBytes(StandardCharsets.ISO_8859_1)));

        assertThat(verification.signatureValid()).isFalse();
        assertThat(verification.signer()).isNull();
        assertThat(verification.certificates()).isEmpty();
        assertThat(verification.problem()).isEqualTo("the signer's certificate is not in the message, so the signature cannot be checked");
    }

    @Test
    void verifyingAnEncryptedMessageSaysToDecryptFirst() throws Exception {
        MimeMessage encrypted = Smime.encrypt(Letters.letter(), List.of(People.BOB.certificate()), EncryptionOptions.defaults());

        assertThatThrownBy(() -> Smime.verify(encrypted))
                .isInstanceOf(SmimeException.class)
                .hasMessage("the message is encrypted, not signed: decrypt it first");
    }
}
