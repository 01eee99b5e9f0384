package org.envelopelab.service.protection;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * The service's seal on a policy. GCM's tag protects the authenticated attributes only against
 * people without the content key — but every reader is given that key, and could re-encrypt the
 * message under a policy of their own making with a tag that verifies. So the service also MACs,
 * with a key no reader ever holds:
 *
 * <pre>
 * PolicyMacInput ::= SEQUENCE {
 *   policy                  EnvelopeLabPolicy,
 *   messageId               UTF8String,      -- the policy's own, repeated: what the MAC is about
 *   wrappedContentKey       OCTET STRING,    -- the KEKRecipientInfo's encryptedKey
 *   encryptedContentDigest  OCTET STRING }   -- SHA-256 of the DER of authEncryptedContentInfo
 *
 * PolicyMac ::= SEQUENCE { macAlgorithm AlgorithmIdentifier (hmacWithSHA256), mac OCTET STRING }
 * </pre>
 *
 * Covering the wrapped key ties the policy to this message's key; covering the encrypted content
 * means a reader who holds the key cannot swap in other content under the sender's policy either.
 */
final class PolicyMac {

    static final AlgorithmIdentifier HMAC_SHA256 = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256,
            DERNull.INSTANCE);

    private PolicyMac() {
    }

    /** @param encryptedContentDigest SHA-256 of the DER of the AuthEnvelopedData's authEncryptedContentInfo */
    static byte[] input(Policy policy, byte[] wrappedContentKey, byte[] encryptedContentDigest) {
        ASN1EncodableVector fields = new ASN1EncodableVector();
        fields.add(PolicyEncoding.toAsn1(policy));
        fields.add(new DERUTF8String(policy.messageId()));
        fields.add(new DEROctetString(wrappedContentKey));
        fields.add(new DEROctetString(encryptedContentDigest));
        return Der.encode(new DERSequence(fields), 512 + 64 * policy.recipients().size());
    }

    static ASN1Sequence attributeValue(byte[] mac) {
        return new DERSequence(new ASN1Encodable[]{HMAC_SHA256, new DEROctetString(mac)});
    }

    static byte[] fromAttributeValue(ASN1Encodable value) {
        try {
            ASN1Sequence sequence = ASN1Sequence.getInstance(value);
            AlgorithmIdentifier algorithm = AlgorithmIdentifier.getInstance(sequence.getObjectAt(0));
            if (!algorithm.getAlgorithm().equals(PKCSObjectIdentifiers.id_hmacWithSHA256)) {
                throw new ProtectionException("the policy MAC uses " + algorithm.getAlgorithm().getId()
                        + "; the service seals policies with hmacWithSHA256");
            }
            return ASN1OctetString.getInstance(sequence.getObjectAt(1)).getOctets();
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new ProtectionException("the policy MAC cannot be read: " + e.getMessage(), e);
        }
    }
}
