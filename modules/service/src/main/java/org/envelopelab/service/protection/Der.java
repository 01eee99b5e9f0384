package org.envelopelab.service.protection;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * DER encoding without Bouncy Castle's {@code getEncoded} habit of growing a small buffer and
 * copying the message into it again at every doubling — a third of what protecting a 10KB
 * message allocated. Callers say about how long the encoding will be.
 */
final class Der {

    private Der() {
    }

    static byte[] encode(ASN1Encodable encodable, int expectedLength) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(expectedLength);
        write(encodable, out);
        return out.toByteArray();
    }

    /** SHA-256 of the encoding, encoded straight into the digest rather than into an array first. */
    static byte[] sha256(ASN1Encodable encodable) {
        try {
            MessageDigest sha256 = JdkCiphers.sha256();
            write(encodable, new DigestOutputStream(OutputStream.nullOutputStream(), sha256));
            return sha256.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available: " + e.getMessage(), e);
        }
    }

    private static void write(ASN1Encodable encodable, OutputStream out) {
        try {
            ASN1OutputStream.create(out, ASN1Encoding.DER).writeObject(encodable);
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding failed: " + e.getMessage(), e);
        }
    }
}
