package org.envelopelab.smime;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.envelopelab.pki.Credential;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Writes a signed S/MIME message: the outer headers stay as they are, and the body with its
 * Content-* headers becomes the signed entity, either as the first part of multipart/signed
 * (CLEAR) or inside signed-data (OPAQUE).
 *
 * <p>The signed entity is in canonical form (CRLF) and always states its Content-Transfer-Encoding:
 * a mail library that saves a part without one chooses an encoding itself and may re-encode the
 * body, which changes the signed bytes and breaks the signature. Inside multipart/signed it is
 * also 7-bit ({@link SevenBitEntity}), so that no relay has a reason to convert it.
 */
final class SignatureWriter {

    private SignatureWriter() {
    }

    static byte[] sign(byte[] message, Credential signer, SignatureForm form, Instant signingTime) throws SmimeException {
        InputStream in = new ByteArrayInputStream(message);
        MessageHead head;
        byte[] body;
        try {
            head = MessageHead.read(in);
            body = in.readAllBytes();
        } catch (IOException e) {
            throw new SmimeException("cannot read the message to sign: " + MalformedReason.of(e), e);
        }
        byte[] entity = signedEntity(head, body);
        CMSSignedDataGenerator generator = CmsSigner.generator(signer, signingTime);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(entity.length * 2 + 8192);
            head.writeOuter(out);
            if (form == SignatureForm.CLEAR) {
                byte[] sevenBit = SevenBitEntity.of(entity);
                byte[] signature = generator.generate(new CMSProcessableByteArray(sevenBit), false).getEncoded(ASN1Encoding.DER);
                MultipartSigned.write(out, sevenBit, signature);
            } else {
                byte[] signedData = generator.generate(new CMSProcessableByteArray(entity), true).getEncoded(ASN1Encoding.DER);
                SmimeHeaders.writeOpaqueSigned(out);
                try (OutputStream base64 = TransferEncoding.base64(out)) {
                    base64.write(signedData);
                }
            }
            return out.toByteArray();
        } catch (CMSException | IOException e) {
            throw new SmimeException("cannot sign the message: " + MalformedReason.of(e), e);
        }
    }

    /** The Content-* fields, an explicit transfer encoding when there was none, a blank line, the body; all CRLF. */
    static byte[] signedEntity(MessageHead head, byte[] body) {
        ByteArrayOutputStream entity = new ByteArrayOutputStream(body.length + 512);
        try (OutputStream canonical = new CanonicalLineEndings(entity)) {
            head.writeContent(canonical);
            if (!head.has("Content-Transfer-Encoding")) {
                String encoding = MultipartSigned.hasEightBitBytes(body) ? "8bit" : "7bit";
                canonical.write(("Content-Transfer-Encoding: " + encoding + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            canonical.write(MessageHead.CRLF);
            canonical.write(body);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return entity.toByteArray();
    }
}
