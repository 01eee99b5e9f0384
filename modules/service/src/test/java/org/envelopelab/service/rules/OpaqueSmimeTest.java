package org.envelopelab.service.rules;

import jakarta.mail.internet.MimeMessage;
import org.envelopelab.smime.ContentCipher;
import org.envelopelab.smime.EncryptionOptions;
import org.envelopelab.smime.KeyTransport;
import org.envelopelab.smime.SignatureForm;
import org.envelopelab.smime.Smime;
import org.envelopelab.smime.SmimeKind;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service tells S/MIME it cannot read by the Content-Type alone, without the S/MIME codec; it
 * must decide exactly as the smime module's {@link SmimeKind} does (encrypted or opaque-signed).
 */
class OpaqueSmimeTest {

    @Test
    void encryptedAndOpaqueSignedMailIsOpaque() throws Exception {
        assertOpaque(Smime.encrypt(Letters.text("GCM", "SSN 123-45-6789"), List.of(Letters.CAROL_SMIME.certificate()),
                EncryptionOptions.defaults()), true);
        assertOpaque(Smime.encrypt(Letters.text("CBC", "SSN 123-45-6789"), List.of(Letters.CAROL_SMIME.certificate()),
                new EncryptionOptions(ContentCipher.AES_256_CBC, KeyTransport.RSA_PKCS1_V1_5)), true);
        assertOpaque(Smime.sign(Letters.text("Opaque", "SSN 123-45-6789"), Letters.CAROL_SMIME, SignatureForm.OPAQUE), true);
    }

    @Test
    void plainAndClearSignedMailIsReadable() throws Exception {
        assertOpaque(Letters.text("Plain", "SSN 123-45-6789"), false);
        assertOpaque(Smime.sign(Letters.text("Clear", "SSN 123-45-6789"), Letters.CAROL_SMIME, SignatureForm.CLEAR), false);
        assertReceivedOpaque(parse("Content-Type: multipart/signed; protocol=\"application/pgp-signature\"; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b\r\nContent-Type: application/pgp-signature\r\n\r\nsig\r\n--b--\r\n"), false);
        assertReceivedOpaque(parse("Content-Type: application/pkcs7-mime; smime-type=certs-only\r\n\r\nMIIB\r\n"), false);
        assertReceivedOpaque(parse("Content-Type: text/plain; charset=\r\n\r\nnot a readable content type\r\n"), false);
    }

    @Test
    void withoutSmimeTypeTheCmsContentTypeDecides() throws Exception {
        byte[] encrypted = Letters.bytes(Smime.encrypt(Letters.text("Old client", "SSN 123-45-6789"),
                List.of(Letters.CAROL_SMIME.certificate()), EncryptionOptions.defaults()));
        assertReceivedOpaque(withoutSmimeType(encrypted, "application/pkcs7-mime; smime-type=authEnveloped-data;", "application/x-pkcs7-mime;"), true);
        byte[] signed = Letters.bytes(Smime.sign(Letters.text("Old client", "SSN 123-45-6789"), Letters.CAROL_SMIME, SignatureForm.OPAQUE));
        assertReceivedOpaque(withoutSmimeType(signed, "smime-type=signed-data;", ""), true);

        assertReceivedOpaque(parse("Content-Type: application/pkcs7-mime\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + "bm90IENNUyBhdCBhbGw=\r\n"), false);
    }

    /** A message composed here, as it arrives: written to bytes and read back. */
    private static void assertOpaque(MimeMessage composed, boolean opaque) throws Exception {
        assertReceivedOpaque(new MimeMessage(Letters.SESSION, new ByteArrayInputStream(Letters.bytes(composed))), opaque);
    }

    private static void assertReceivedOpaque(MimeMessage received, boolean opaque) throws Exception {
        SmimeKind kind = SmimeKind.of(received);
        assertThat(kind.encrypted() || kind == SmimeKind.OPAQUE_SIGNED).as("what SmimeKind decides for " + kind).isEqualTo(opaque);
        assertThat(OpaqueSmime.opaque(received)).as(received.getContentType()).isEqualTo(opaque);
    }

    private static MimeMessage withoutSmimeType(byte[] wire, String from, String to) throws Exception {
        String text = new String(wire, StandardCharsets.ISO_8859_1);
        assertThat(text).contains(from);
        return new MimeMessage(Letters.SESSION, new ByteArrayInputStream(text.replace(from, to).getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static MimeMessage parse(String wire) throws Exception {
        return new MimeMessage(Letters.SESSION, new ByteArrayInputStream(
                ("From: alice@contoso.example\r\nSubject: test\r\nMIME-Version: 1.0\r\n" + wire).getBytes(StandardCharsets.US_ASCII)));
    }
}
