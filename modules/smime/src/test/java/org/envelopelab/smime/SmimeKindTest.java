package org.envelopelab.smime;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmimeKindTest {

    @Test
    void theKindFollowsTheContentType() throws Exception {
        assertThat(SmimeKind.of(Letters.letter())).isEqualTo(SmimeKind.PLAIN);
        assertThat(SmimeKind.of(Smime.sign(Letters.letter(), People.ALICE, SignatureForm.CLEAR))).isEqualTo(SmimeKind.CLEAR_SIGNED);
        assertThat(SmimeKind.of(Smime.sign(Letters.letter(), People.ALICE, SignatureForm.OPAQUE))).isEqualTo(SmimeKind.OPAQUE_SIGNED);
        assertThat(SmimeKind.of(Smime.encrypt(Letters.letter(), List.of(People.BOB.certificate()), EncryptionOptions.defaults())))
                .isEqualTo(SmimeKind.AUTH_ENVELOPED);
        assertThat(SmimeKind.AUTH_ENVELOPED.encrypted()).isTrue();
        assertThat(SmimeKind.CLEAR_SIGNED.encrypted()).isFalse();
    }

    @Test
    void withoutSmimeTypeTheCmsContentDecides() throws Exception {
        String wire = new String(Letters.bytes(Smime.encrypt(Letters.letter(), List.of(People.BOB.certificate()),
                EncryptionOptions.defaults())), StandardCharsets.ISO_8859_1);
        MimeMessage oldStyle = Letters.parse(wire.replace("application/pkcs7-mime; smime-type=authEnveloped-data;",
                "application/x-pkcs7-mime;").getBytes(StandardCharsets.ISO_8859_1));

        assertThat(SmimeKind.of(oldStyle)).isEqualTo(SmimeKind.AUTH_ENVELOPED);
        assertThat(Letters.text(Smime.decrypt(oldStyle, People.BOB).content())).isEqualTo(Letters.TEXT);
    }

    @Test
    void pgpSignedMailIsNotSmime() throws Exception {
        MimeMessage pgp = Letters.parse(("From: alice@contoso.example\r\n"
                + "Content-Type: multipart/signed; protocol=\"application/pgp-signature\"; micalg=pgp-sha256; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b\r\nContent-Type: application/pgp-signature\r\n\r\nsig\r\n--b--\r\n")
                .getBytes(StandardCharsets.US_ASCII));

        assertThat(SmimeKind.of(pgp)).isEqualTo(SmimeKind.PLAIN);
    }

    @Test
    void labelsNameTheCiphersAndKeyTransportsAsOpensslDoes() {
        assertThat(ContentCipher.ofLabel("AES-256-GCM")).isEqualTo(ContentCipher.AES_256_GCM);
        assertThat(ContentCipher.AES_128_CBC.label()).isEqualTo("aes-128-cbc");
        assertThat(ContentCipher.AES_128_GCM.authenticated()).isTrue();
        assertThat(ContentCipher.AES_256_CBC.authenticated()).isFalse();
        assertThat(KeyTransport.ofLabel("rsa-oaep-sha256")).isEqualTo(KeyTransport.RSA_OAEP_SHA256);
        assertThat(EncryptionOptions.defaults()).isEqualTo(new EncryptionOptions(ContentCipher.AES_256_GCM, KeyTransport.RSA_OAEP_SHA256));
        assertThatThrownBy(() -> ContentCipher.ofLabel("rc2-40"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown content cipher 'rc2-40' (content ciphers: aes-256-gcm, aes-128-gcm, aes-256-cbc, aes-128-cbc)");
        assertThatThrownBy(() -> KeyTransport.ofLabel("rsa"))
                .hasMessage("unknown key transport 'rsa' (key transports: rsa-pkcs1, rsa-oaep-sha256)");
    }
}
