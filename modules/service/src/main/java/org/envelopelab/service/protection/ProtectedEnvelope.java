package org.envelopelab.service.protection;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DERGeneralizedTime;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AuthEnvelopedData;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.EncryptedContentInfo;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.cms.KEKIdentifier;
import org.bouncycastle.asn1.cms.KEKRecipientInfo;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;

/**
 * One protected message in CMS: AuthEnvelopedData (RFC 5083) with AES-256-GCM content (RFC 5084),
 * the content key wrapped for the tenant's root key in a single KEKRecipientInfo, the policy as an
 * authenticated attribute and the service's policy MAC as an unauthenticated one:
 *
 * <pre>
 * ContentInfo { id-ct-authEnvelopedData,
 *   AuthEnvelopedData { version 0,
 *     recipientInfos { [2] KEKRecipientInfo { version 4,
 *         kekid { keyIdentifier "contoso-bank.example/tenant-root-key/v1", date },
 *         keyEncryptionAlgorithm id-aes256-wrap, encryptedKey (40 bytes) } },
 *     authEncryptedContentInfo { id-data, id-aes256-GCM { nonce (12 bytes), icvLen 16 },
 *         [0] the encrypted RFC 5322 message },
 *     authAttrs [1] { contentType id-data, envelopeLabPolicy },
 *     mac (the 16-byte GCM tag),
 *     unauthAttrs [2] { envelopeLabPolicyMac } } }
 * </pre>
 *
 * The GCM additional data is the DER encoding of authAttrs with a SET OF tag, as RFC 5083 says.
 */
final class ProtectedEnvelope {

    private static final AlgorithmIdentifier AES256_WRAP = new AlgorithmIdentifier(NISTObjectIdentifiers.id_aes256_wrap);

    private final byte[] der;
    private final KeyId recipientKey;
    private final byte[] wrappedKey;
    private final EncryptedContentInfo content;
    private final byte[] nonce;
    private final ASN1Set authAttrs;
    private final byte[] tag;
    private final Policy policy;
    private final byte[] policyMac;

    private ProtectedEnvelope(byte[] der, KeyId recipientKey, byte[] wrappedKey, EncryptedContentInfo content, byte[] nonce,
                              ASN1Set authAttrs, byte[] tag, Policy policy, byte[] policyMac) {
        this.der = der;
        this.recipientKey = recipientKey;
        this.wrappedKey = wrappedKey;
        this.content = content;
        this.nonce = nonce;
        this.authAttrs = authAttrs;
        this.tag = tag;
        this.policy = policy;
        this.policyMac = policyMac;
    }

    /** Encrypts a message under a fresh content key and seals its policy with the root key version the policy names. */
    static ProtectedEnvelope seal(byte[] message, Policy policy, RootKeyVersion root, Randomness randomness) {
        if (!policy.keyId().equals(root.id())) {
            throw new IllegalArgumentException("the policy names " + policy.keyId() + " but the key is " + root.id());
        }
        ContentKey contentKey = ContentKey.generate(randomness);
        byte[] wrappedKey = root.wrap(contentKey);
        ASN1Set authAttrs = new DERSet(new ASN1Encodable[]{
                new Attribute(CMSAttributes.contentType, new DERSet(CMSObjectIdentifiers.data)),
                new Attribute(LabObjectIdentifiers.POLICY, new DERSet(PolicyEncoding.toAsn1(policy)))});
        byte[] nonce = randomness.bytes(ContentKey.NONCE_LENGTH);
        byte[] additionalData = der(authAttrs);
        byte[] sealed = contentKey.encrypt(nonce, additionalData, message);
        byte[] ciphertext = Arrays.copyOf(sealed, sealed.length - ContentKey.TAG_LENGTH);
        byte[] tag = Arrays.copyOfRange(sealed, ciphertext.length, sealed.length);
        EncryptedContentInfo content = new EncryptedContentInfo(CMSObjectIdentifiers.data,
                new AlgorithmIdentifier(NISTObjectIdentifiers.id_aes256_GCM, new GCMParameters(nonce, ContentKey.TAG_LENGTH)),
                new DEROctetString(ciphertext));
        byte[] policyMac = root.mac(PolicyMac.input(policy, wrappedKey, Der.sha256(content)));
        ASN1Set unauthAttrs = new DERSet(new Attribute(LabObjectIdentifiers.POLICY_MAC,
                new DERSet(PolicyMac.attributeValue(policyMac))));
        KEKIdentifier kekid = new KEKIdentifier(root.id().label().getBytes(StandardCharsets.UTF_8),
                new DERGeneralizedTime(Date.from(root.created())), null);
        RecipientInfo recipient = new RecipientInfo(new KEKRecipientInfo(kekid, AES256_WRAP, new DEROctetString(wrappedKey)));
        AuthEnvelopedData data = new AuthEnvelopedData(null, new DERSet(recipient), content, authAttrs,
                new DEROctetString(tag), unauthAttrs);
        byte[] der = Der.encode(new ContentInfo(CMSObjectIdentifiers.authEnvelopedData, data),
                ciphertext.length + additionalData.length + 1024);
        return new ProtectedEnvelope(der, root.id(), wrappedKey, content, nonce, authAttrs, tag, policy, policyMac);
    }

    /** Reads the structure without any key: the policy is authenticated, not secret. */
    static ProtectedEnvelope parse(byte[] der) {
        try {
            ContentInfo info = ContentInfo.getInstance(ASN1Primitive.fromByteArray(der));
            if (!CMSObjectIdentifiers.authEnvelopedData.equals(info.getContentType())) {
                throw malformed("it is " + info.getContentType().getId() + ", not AuthEnvelopedData");
            }
            AuthEnvelopedData data = AuthEnvelopedData.getInstance(info.getContent());
            if (data.getRecipientInfos().size() != 1
                    || !(RecipientInfo.getInstance(data.getRecipientInfos().getObjectAt(0)).getInfo() instanceof KEKRecipientInfo kek)) {
                throw malformed("a protected message has exactly one recipient, the tenant's key (KEKRecipientInfo)");
            }
            if (!AES256_WRAP.getAlgorithm().equals(kek.getKeyEncryptionAlgorithm().getAlgorithm())) {
                throw malformed("the content key is wrapped with " + kek.getKeyEncryptionAlgorithm().getAlgorithm().getId()
                        + ", not id-aes256-wrap");
            }
            String keyLabel = new String(kek.getKekid().getKeyIdentifier().getOctets(), StandardCharsets.UTF_8);
            KeyId recipientKey = KeyId.parse(keyLabel)
                    .orElseThrow(() -> malformed("the key '" + keyLabel + "' is not a tenant root key"));
            EncryptedContentInfo content = data.getAuthEncryptedContentInfo();
            AlgorithmIdentifier cipher = content.getContentEncryptionAlgorithm();
            if (!NISTObjectIdentifiers.id_aes256_GCM.equals(cipher.getAlgorithm())) {
                throw malformed("the content is encrypted with " + cipher.getAlgorithm().getId() + ", not AES-256-GCM");
            }
            GCMParameters gcm = GCMParameters.getInstance(cipher.getParameters());
            if (gcm.getNonce().length != ContentKey.NONCE_LENGTH || gcm.getIcvLen() != ContentKey.TAG_LENGTH) {
                throw malformed("the service writes 12-byte GCM nonces and 16-byte tags");
            }
            if (content.getEncryptedContent() == null) {
                throw malformed("the encrypted content is missing");
            }
            ASN1Set authAttrs = data.getAuthAttrs();
            if (authAttrs == null || data.getUnauthAttrs() == null) {
                throw malformed("the policy or its MAC is missing");
            }
            Policy policy = PolicyEncoding.fromAsn1(attribute(authAttrs, LabObjectIdentifiers.POLICY));
            byte[] policyMac = PolicyMac.fromAttributeValue(attribute(data.getUnauthAttrs(), LabObjectIdentifiers.POLICY_MAC));
            return new ProtectedEnvelope(der.clone(), recipientKey, kek.getEncryptedKey().getOctets(), content, gcm.getNonce(),
                    authAttrs, data.getMac().getOctets(), policy, policyMac);
        } catch (IOException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw malformed(e.getMessage());
        }
    }

    byte[] der() {
        return der.clone();
    }

    Policy policy() {
        return policy;
    }

    KeyId recipientKey() {
        return recipientKey;
    }

    /**
     * What only the service can do: find the root key version the message names, check the policy
     * MAC, and unwrap the content key. Fails for another tenant's message and for any change to the
     * policy, the wrapped key or the encrypted content.
     */
    ContentKey unlock(TenantRootKey keys) {
        RootKeyVersion root = keys.version(recipientKey).orElseThrow(() -> new ProtectionException(
                "the message was protected with " + recipientKey + ", which is not a key of "
                        + keys.current().id().tenantDomain() + ": only the tenant that protected a message can unlock it"));
        if (!recipientKey.equals(policy.keyId())) {
            throw new ProtectionException("the message's key is " + recipientKey + " but its policy names " + policy.keyId());
        }
        if (!root.macMatches(PolicyMac.input(policy, wrappedKey, Der.sha256(content)), policyMac)) {
            throw new ProtectionException("the policy MAC of " + policy.messageId() + " does not match: its policy, wrapped"
                    + " content key or encrypted content was changed after the service protected it");
        }
        return root.unwrap(wrappedKey);
    }

    /** The original message; the GCM tag must match the content and the authenticated attributes. */
    byte[] decrypt(SecretKey contentKey) {
        return new ContentKey(contentKey).decrypt(nonce, der(authAttrs), content.getEncryptedContent().getOctets(), tag);
    }

    private static ASN1Encodable attribute(ASN1Set attributes, ASN1ObjectIdentifier type) {
        ASN1Encodable found = null;
        for (ASN1Encodable element : attributes) {
            Attribute attribute = Attribute.getInstance(element);
            if (attribute.getAttrType().equals(type)) {
                if (found != null || attribute.getAttrValues().size() != 1) {
                    throw malformed("the attribute " + type.getId() + " must appear once with one value");
                }
                found = attribute.getAttrValues().getObjectAt(0);
            }
        }
        if (found == null) {
            throw malformed("the attribute " + type.getId() + " is missing");
        }
        return found;
    }

    private static byte[] der(ASN1Encodable encodable) {
        return Der.encode(encodable, 256);
    }

    private static ProtectionException malformed(String why) {
        return new ProtectionException("malformed protected message: " + why);
    }
}
