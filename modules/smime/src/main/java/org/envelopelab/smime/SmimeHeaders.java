package org.envelopelab.smime;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The Content-* headers of each S/MIME form (RFC 8551 section 3), as mainstream clients and
 * OpenSSL write them. The application/pkcs7-mime forms always say base64, so any relay can carry
 * them; the multipart/signed form states its transfer encoding explicitly, so that a mail library
 * re-saving the message (Jakarta Mail's saveChanges) copies it unchanged instead of re-encoding it.
 */
final class SmimeHeaders {

    static final String AUTH_ENVELOPED = "authEnveloped-data";
    static final String ENVELOPED = "enveloped-data";
    static final String SIGNED = "signed-data";

    private SmimeHeaders() {
    }

    static void writeEncrypted(OutputStream out, boolean authenticated) throws IOException {
        write(out, "Content-Type: application/pkcs7-mime; smime-type=" + (authenticated ? AUTH_ENVELOPED : ENVELOPED)
                + "; name=\"smime.p7m\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"smime.p7m\"\r\n"
                + "Content-Description: S/MIME Encrypted Message\r\n"
                + "\r\n");
    }

    static void writeOpaqueSigned(OutputStream out) throws IOException {
        write(out, "Content-Type: application/pkcs7-mime; smime-type=" + SIGNED + "; name=\"smime.p7m\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"smime.p7m\"\r\n"
                + "\r\n");
    }

    static void writeClearSigned(OutputStream out, String boundary, boolean eightBit) throws IOException {
        write(out, "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256;\r\n"
                + "\tboundary=\"" + boundary + "\"\r\n"
                + "Content-Transfer-Encoding: " + (eightBit ? "8bit" : "7bit") + "\r\n"
                + "\r\n"
                + "This is an S/MIME signed message\r\n");
    }

    static void writeSignaturePart(OutputStream out) throws IOException {
        write(out, "Content-Type: application/pkcs7-signature; name=\"smime.p7s\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"smime.p7s\"\r\n"
                + "Content-Description: S/MIME Cryptographic Signature\r\n"
                + "\r\n");
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }
}
