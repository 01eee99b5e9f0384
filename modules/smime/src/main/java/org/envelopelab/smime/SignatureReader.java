package org.envelopelab.smime;

import jakarta.mail.internet.ContentType;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSRuntimeException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Checks the signature of a clear-signed or opaque-signed message. An invalid signature is a
 * finding, not an error: the result says what is wrong in one sentence. Only a message that cannot
 * be read at all is an error.
 */
final class SignatureReader {

    static final String CHANGED = "the signature does not match the content: the message was changed after it was signed";

    /** The finding, with the signed content as message bytes (outer headers and the signed entity). */
    record Checked(byte[] content, X509Certificate signer, List<X509Certificate> certificates, boolean valid, String problem,
                   Instant signingTime, String digestAlgorithm) {
    }

    private record Finding(X509Certificate signer, List<X509Certificate> certificates, boolean valid, String problem,
                           Instant signingTime, String digestAlgorithm) {
    }

    private SignatureReader() {
    }

    static Checked check(byte[] message) throws SmimeException {
        try {
            InputStream in = new ByteArrayInputStream(message);
            MessageHead head = MessageHead.read(in);
            byte[] body = in.readAllBytes();
            ContentType type = head.contentType();
            SmimeKind kind = SmimeKind.ofContentType(type);
            if (kind == SmimeKind.CLEAR_SIGNED) {
                return clearSigned(head, body, type);
            }
            if (SmimeKind.isPkcs7Mime(type)) {
                return opaqueSigned(head, body);
            }
            throw new SmimeException("the message is not signed: it is " + type.getBaseType().toLowerCase(Locale.ROOT));
        } catch (IOException | CMSException | RuntimeException e) { // Bouncy Castle's parsers answer some malformed input with NullPointerException or IndexOutOfBounds
            throw new SmimeException("malformed S/MIME message: " + MalformedReason.of(e), e);
        }
    }

    private static Checked clearSigned(MessageHead head, byte[] body, ContentType type) throws IOException, CMSException {
        String boundary = type.getParameter("boundary");
        if (boundary == null) {
            throw new IOException("the multipart/signed Content-Type has no boundary");
        }
        MultipartSigned.Parts parts = MultipartSigned.split(body, boundary);
        InputStream signaturePart = new ByteArrayInputStream(parts.signatureEntity());
        MessageHead signatureHead = MessageHead.read(signaturePart);
        byte[] signature = TransferEncoding.decode(signatureHead, signaturePart).readAllBytes();
        byte[] entity = parts.signedEntity();
        // Signers digest the canonical (CRLF) form; a message stored with bare LFs is checked in that form
        // too, and as it stands, for signers that signed binary content.
        byte[] canonical = CanonicalLineEndings.of(entity);
        Finding finding = examine(new CMSSignedData(new CMSProcessableByteArray(canonical), signature));
        if (!finding.valid() && !Arrays.equals(canonical, entity)) {
            Finding asItStands = examine(new CMSSignedData(new CMSProcessableByteArray(entity), signature));
            finding = asItStands.valid() ? asItStands : finding;
        }
        return checked(head, entity, finding);
    }

    private static Checked opaqueSigned(MessageHead head, byte[] body) throws IOException, CMSException, SmimeException {
        InputStream cms = new BufferedInputStream(TransferEncoding.decode(head, new ByteArrayInputStream(body)));
        SmimeKind inside = SmimeKind.ofCmsContentType(CmsContentType.peek(cms));
        if (inside != SmimeKind.OPAQUE_SIGNED) {
            throw new SmimeException(inside.encrypted()
                    ? "the message is encrypted, not signed: decrypt it first"
                    : "the message is not signed: its CMS content is not signed-data");
        }
        CMSSignedData signed = new CMSSignedData(cms);
        if (signed.getSignedContent() == null) {
            throw new IOException("the signed-data carries no content");
        }
        byte[] entity = (byte[]) signed.getSignedContent().getContent();
        return checked(head, entity, examine(signed));
    }

    private static Checked checked(MessageHead head, byte[] entity, Finding finding) throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream(entity.length + 2048);
        InputStream signed = new ByteArrayInputStream(entity);
        head.writeAround(MessageHead.readEntityHead(signed), content);
        signed.transferTo(content);
        return new Checked(content.toByteArray(), finding.signer(), finding.certificates(), finding.valid(), finding.problem(),
                finding.signingTime(), finding.digestAlgorithm());
    }

    private static Finding examine(CMSSignedData signed) throws IOException {
        List<X509Certificate> certificates = certificates(signed.getCertificates().getMatches(null));
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.isEmpty()) {
            return new Finding(null, certificates, false, "the signature has no signer", null, "");
        }
        // A mail signature has one signer; RFC 5652 allows more, and the first is the one a client shows.
        SignerInformation info = signers.iterator().next();
        Instant signingTime = signingTime(info);
        String digest = DigestAlgorithms.name(info.getDigestAlgorithmID().getAlgorithm());
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matching = signed.getCertificates().getMatches(info.getSID());
        if (matching.isEmpty()) {
            return new Finding(null, certificates, false,
                    "the signer's certificate is not in the message, so the signature cannot be checked", signingTime, digest);
        }
        X509CertificateHolder holder = matching.iterator().next();
        X509Certificate signer = certificate(holder);
        String problem;
        try {
            // Built from the public key alone: Bouncy Castle would otherwise call a signature made after the
            // certificate expired invalid. The signature either matches or not; whether the certificate is
            // still good is a separate question, answered by the client (an expired signer is not a forgery).
            boolean valid = info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(signer.getPublicKey()));
            problem = valid ? "" : "the signature value does not match the signer's certificate: "
                    + "it was made with another key, or the signed attributes were changed";
        } catch (CMSSignerDigestMismatchException e) {
            problem = CHANGED;
        } catch (CMSException | OperatorCreationException | CMSRuntimeException e) {
            problem = "the signature cannot be checked: " + e.getMessage();
        }
        return new Finding(signer, certificates, problem.isEmpty(), problem, signingTime, digest);
    }

    private static Instant signingTime(SignerInformation info) {
        AttributeTable attributes = info.getSignedAttributes();
        if (attributes == null || attributes.get(CMSAttributes.signingTime) == null) {
            return null;
        }
        try {
            return Time.getInstance(attributes.get(CMSAttributes.signingTime).getAttrValues().getObjectAt(0)).getDate().toInstant();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<X509Certificate> certificates(Collection<?> holders) throws IOException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Object holder : holders) {
            certificates.add(certificate((X509CertificateHolder) holder));
        }
        return certificates;
    }

    private static X509Certificate certificate(X509CertificateHolder holder) throws IOException {
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException e) {
            throw new IOException("a certificate in the signature cannot be read: " + e.getMessage(), e);
        }
    }
}
