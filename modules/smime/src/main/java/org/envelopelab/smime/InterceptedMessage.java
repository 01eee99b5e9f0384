package org.envelopelab.smime;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.cms.AuthEnvelopedData;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.EncryptedContentInfo;
import org.bouncycastle.asn1.cms.EnvelopedData;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * An encrypted S/MIME message as an attacker on the wire holds it: readable headers, and a CMS
 * structure whose unencrypted parts (the CBC IV) and ciphertext can be changed without any key.
 * The EFAIL lesson and the tamper tests play that attacker with it.
 */
final class InterceptedMessage {

    private final MessageHead head;
    private final ContentInfo cms;

    private InterceptedMessage(MessageHead head, ContentInfo cms) {
        this.head = head;
        this.cms = cms;
    }

    static InterceptedMessage of(MimeMessage message) throws SmimeException {
        try {
            InputStream in = new ByteArrayInputStream(MessageBytes.of(message));
            MessageHead head = MessageHead.read(in);
            byte[] der = TransferEncoding.decode(head, in).readAllBytes();
            ContentInfo cms = ContentInfo.getInstance(ASN1Primitive.fromByteArray(der));
            if (!cms.getContentType().equals(CMSObjectIdentifiers.envelopedData)
                    && !cms.getContentType().equals(CMSObjectIdentifiers.authEnvelopedData)) {
                throw new SmimeException("the intercepted message is not encrypted");
            }
            return new InterceptedMessage(head, cms);
        } catch (IOException | IllegalArgumentException e) {
            throw new SmimeException("the intercepted message cannot be read: " + MalformedReason.of(e), e);
        }
    }

    /** The CBC initialization vector: sent in the clear, in the content-encryption algorithm's parameters. */
    byte[] iv() {
        return ASN1OctetString.getInstance(encryptedContentInfo().getContentEncryptionAlgorithm().getParameters()).getOctets();
    }

    InterceptedMessage withIv(byte[] iv) {
        EncryptedContentInfo info = encryptedContentInfo();
        AlgorithmIdentifier algorithm = new AlgorithmIdentifier(info.getContentEncryptionAlgorithm().getAlgorithm(), new DEROctetString(iv));
        return with(new EncryptedContentInfo(info.getContentType(), algorithm, info.getEncryptedContent()));
    }

    byte[] ciphertext() {
        return encryptedContentInfo().getEncryptedContent().getOctets();
    }

    InterceptedMessage withCiphertext(byte[] ciphertext) {
        EncryptedContentInfo info = encryptedContentInfo();
        return with(new EncryptedContentInfo(info.getContentType(), info.getContentEncryptionAlgorithm(), new DEROctetString(ciphertext)));
    }

    /** The message as the attacker sends it on: the same headers, the changed CMS. */
    MimeMessage message(Session session) throws SmimeException {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            head.write(out);
            try (OutputStream base64 = TransferEncoding.base64(out)) {
                base64.write(cms.getEncoded(ASN1Encoding.DER));
            }
            return MessageBytes.message(out.toByteArray(), session);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
    }

    private boolean authenticated() {
        return cms.getContentType().equals(CMSObjectIdentifiers.authEnvelopedData);
    }

    private EncryptedContentInfo encryptedContentInfo() {
        return authenticated()
                ? AuthEnvelopedData.getInstance(cms.getContent()).getAuthEncryptedContentInfo()
                : EnvelopedData.getInstance(cms.getContent()).getEncryptedContentInfo();
    }

    private InterceptedMessage with(EncryptedContentInfo info) {
        if (authenticated()) {
            AuthEnvelopedData data = AuthEnvelopedData.getInstance(cms.getContent());
            return new InterceptedMessage(head, new ContentInfo(CMSObjectIdentifiers.authEnvelopedData, new AuthEnvelopedData(
                    data.getOriginatorInfo(), data.getRecipientInfos(), info, data.getAuthAttrs(), data.getMac(), data.getUnauthAttrs())));
        }
        EnvelopedData data = EnvelopedData.getInstance(cms.getContent());
        return new InterceptedMessage(head, new ContentInfo(CMSObjectIdentifiers.envelopedData,
                new EnvelopedData(data.getOriginatorInfo(), data.getRecipientInfos(), info, data.getUnprotectedAttrs())));
    }
}
