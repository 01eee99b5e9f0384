package org.envelopelab.smime;

import jakarta.mail.internet.MimeMessage;
import org.envelopelab.pki.Credential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EncryptionTest {

    static Stream<Arguments> everyCipherAndKeyTransport() {
        return Arrays.stream(ContentCipher.values())
                .flatMap(cipher -> Arrays.stream(KeyTransport.values()).map(transport -> Arguments.of(cipher, transport)));
    }

    @ParameterizedTest
    @MethodSource("everyCipherAndKeyTransport")
    void everyCipherAndKeyTransportRoundTrips(ContentCipher cipher, KeyTransport transport) throws Exception {
        EncryptionOptions options = new EncryptionOptions(cipher, transport);
        MimeMessage encrypted = Smime.encrypt(Letters.letter(), List.of(People.BOB.certificate()), options);

        assertThat(SmimeKind.of(encrypted)).isEqualTo(cipher.authenticated() ? SmimeKind.AUTH_ENVELOPED : SmimeKind.ENVELOPED);
        assertThat(encrypted.getContentType()).contains("application/pkcs7-mime")
                .contains(cipher.authenticated() ? "smime-type=authEnveloped-data" : "smime-type=enveloped-data")
                .contains("smime.p7m");
        assertThat(encrypted.getSubject()).isEqualTo("Quarterly numbers");
        assertThat(new String(Letters.bytes(encrypted), StandardCharsets.ISO_8859_1)).doesNotContain("revenue");

        Decryption decryption = Smime.decrypt(encrypted, People.BOB);

        assertThat(decryption.cipher()).isEqualTo(cipher);
        assertThat(decryption.keyManagement()).isEqualTo(transport == KeyTransport.RSA_OAEP_SHA256 ? "RSA-OAEP (SHA-256)" : "RSA PKCS#1 v1.5");
        assertThat(Letters.text(decryption.content())).isEqualTo(Letters.TEXT);
        assertThat(decryption.content().getSubject()).isEqualTo("Quarterly numbers");
        assertThat(decryption.content().getHeader("Cc")[0]).isEqualTo("carol@contoso.example");
    }

    @Test
    void ecRecipientsGetTheKeyByEphemeralStaticEcdh() throws Exception {
        for (ContentCipher cipher : ContentCipher.values()) {
            MimeMessage encrypted = Smime.encrypt(Letters.letter(), List.of(People.CAROL.certificate()),
                    new EncryptionOptions(cipher, KeyTransport.RSA_OAEP_SHA256));

            Decryption decryption = Smime.decrypt(encrypted, People.CAROL);

            assertThat(decryption.keyManagement()).isEqualTo("ECDH P-256 (ephemeral-static)");
            assertThat(decryption.cipher()).isEqualTo(cipher);
            assertThat(Letters.text(decryption.content())).isEqualTo(Letters.TEXT);
        }
    }

    @Test
    void everyRecipientOfAMixedMessageCanDecryptIt() throws Exception {
        MimeMessage encrypted = Smime.encrypt(Letters.letterWithAttachment(),
                List.of(People.BOB.certificate(), People.CAROL.certificate(), People.ALICE.certificate()), EncryptionOptions.defaults());

        for (Credential recipient : List.of(People.ALICE, People.BOB, People.CAROL)) {
            Decryption decryption = Smime.decrypt(encrypted, recipient);
            assertThat(Letters.text(decryption.content())).as(recipient.email()).isEqualTo(Letters.TEXT);
        }
    }

    @Test
    void signThenEncryptOpensToBothLayers() throws Exception {
        MimeMessage protectedMessage = Smime.signAndEncrypt(Letters.letter(), People.ALICE,
                List.of(People.BOB.certificate(), People.ALICE.certificate()), EncryptionOptions.defaults());

        Opened opened = Smime.open(protectedMessage, People.BOB);

        assertThat(opened.layers()).containsExactly("authEnveloped-data (aes-256-gcm)", "clear-signed");
        assertThat(opened.decryption().cipher()).isEqualTo(ContentCipher.AES_256_GCM);
        assertThat(opened.decryption().keyManagement()).isEqualTo("RSA-OAEP (SHA-256)");
        assertThat(opened.verification().signatureValid()).isTrue();
        assertThat(opened.verification().signer()).isEqualTo(People.ALICE.certificate());
        assertThat(Letters.text(opened.content())).isEqualTo(Letters.TEXT);
        assertThat(opened.content().getSubject()).isEqualTo("Quarterly numbers");
        assertThat(SmimeKind.of(opened.content())).isEqualTo(SmimeKind.PLAIN);
    }

    @Test
    void openingAPlainMessageFindsNoLayers() throws Exception {
        Opened opened = Smime.open(Letters.letter(), null);

        assertThat(opened.layers()).isEmpty();
        assertThat(opened.decryption()).isNull();
        assertThat(opened.verification()).isNull();
        assertThat(Letters.text(opened.content())).isEqualTo(Letters.TEXT);
    }

    @Test
    void encryptedMessagesSurviveSavingWritingAndParsing() throws Exception {
        for (ContentCipher cipher : ContentCipher.values()) {
            MimeMessage encrypted = Smime.signAndEncrypt(Letters.letterWithAttachment(), People.CAROL,
                    List.of(People.BOB.certificate()), new EncryptionOptions(cipher, KeyTransport.RSA_OAEP_SHA256));
            String first = new String(Letters.bytes(encrypted), StandardCharsets.ISO_8859_1);
            assertThat(new String(Letters.bytes(encrypted), StandardCharsets.ISO_8859_1))
                    .as("writing twice gives the same ciphertext").isEqualTo(first);

            MimeMessage arrived = Letters.transported(Letters.transported(encrypted));

            // saveChanges gives the message a new Message-ID, and nothing else changes.
            String body = first.substring(first.indexOf("\r\n\r\n"));
            assertThat(new String(Letters.bytes(arrived), StandardCharsets.ISO_8859_1)).endsWith(body);
            Opened opened = Smime.open(arrived, People.BOB);
            assertThat(opened.verification().signatureValid()).as(cipher.label()).isTrue();
            assertThat(Letters.text(opened.content())).isEqualTo(Letters.TEXT);
        }
    }

    @Test
    void someoneWhoIsNotARecipientIsToldWhoIs() throws Exception {
        MimeMessage encrypted = Smime.encrypt(Letters.letter(), List.of(People.BOB.certificate(), People.CAROL.certificate()),
                EncryptionOptions.defaults());

        assertThatThrownBy(() -> Smime.decrypt(encrypted, People.EVE))
                .isInstanceOf(SmimeException.class)
                .hasMessageStartingWith("not a recipient: the message is encrypted for serial " + People.BOB.certificate().getSerialNumber()
                        + " issued by Contoso Root CA; serial " + People.CAROL.certificate().getSerialNumber() + " issued by Contoso Root CA")
                .hasMessageContaining("not for Eve Evans <eve@contoso.example>");
    }

    @Test
    void encryptingNeedsARecipient() {
        assertThatThrownBy(() -> Smime.encrypt(Letters.letter(), List.of(), EncryptionOptions.defaults()))
                .isInstanceOf(SmimeException.class)
                .hasMessage("no recipients: encrypting needs at least one recipient's certificate");
    }

    @Test
    void decryptingNeedsAKey() {
        assertThatThrownBy(() -> Smime.open(Smime.encrypt(Letters.letter(), List.of(People.BOB.certificate()), EncryptionOptions.defaults()), null))
                .isInstanceOf(SmimeException.class)
                .hasMessage("the message is encrypted: decrypting it needs the recipient's private key");
    }

    @Test
    void decryptingAPlainMessageSaysItIsNotEncrypted() {
        assertThatThrownBy(() -> Smime.decrypt(Letters.letter(), People.BOB))
                .isInstanceOf(SmimeException.class)
                .hasMessage("the message is not encrypted: it is text/plain");
    }
}
