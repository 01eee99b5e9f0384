package org.envelopelab.service.protection;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DERGeneralizedTime;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.cms.KEKIdentifier;
import org.bouncycastle.asn1.cms.KEKRecipientInfo;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Date;
import java.util.Optional;

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
 *
 * <p>Everything but the encrypted content is small and encoded with Bouncy Castle; the content is
 * encrypted straight into the one array that holds the CMS, hashed and decrypted where it lies,
 * and the headers around it are written and read by hand ({@link Der}). The CMS is the same DER,
 * byte for byte, that Bouncy Castle's {@code AuthEnvelopedData} wrote (tested). An envelope read
 * from a message's two ends ({@link #of}) has its policy, key and tag, but reads its content only
 * when asked to: the use license does not need it ({@link #unlock(TenantRootKey, Optional)}).
 */
final class ProtectedEnvelope {

    private static final AlgorithmIdentifier AES256_WRAP = new AlgorithmIdentifier(NISTObjectIdentifiers.id_aes256_wrap);
    private static final byte[] AUTH_ENVELOPED_DATA = Der.encode(CMSObjectIdentifiers.authEnvelopedData, 16);
    private static final byte[] DATA = Der.encode(CMSObjectIdentifiers.data, 16);
    private static final byte[] VERSION_0 = {Der.INTEGER, 1, 0};
    private static final int AUTH_ATTRS = 0xa1;
    private static final int UNAUTH_ATTRS = 0xa2;
    private static final int CONTENT = 0x80;

    /** What the CMS holds before its encrypted content, read from its first bytes. */
    record Head(int total, KeyId recipientKey, byte[] wrappedKey, byte[] nonce, int infoStart, int contentStart,
                int contentLength) {

        int contentEnd() {
            return contentStart + contentLength;
        }
    }

    private final Head head;
    private final byte[] additionalData;
    private final byte[] tag;
    private final Policy policy;
    private final byte[] policyMac;
    private final CmsBytes content;
    private byte[] der;
    private byte[] contentDigest;

    /**
     * Where the bytes of a CMS are: in an array, or in a protected message's base64, decoded piece
     * by piece as they are read ({@link ProtectedMime}).
     */
    interface CmsBytes {
        /** Hands bytes {@code from} to {@code to} of the CMS to {@code sink}, at most {@link ContentKey#CHUNK} at a time. */
        void read(int from, int to, Sink sink);

        /** The whole CMS, {@code total} bytes. */
        byte[] all(int total);
    }

    /** Takes the pieces a {@link CmsBytes} reads. */
    interface Sink {
        void accept(byte[] bytes, int offset, int length);
    }

    private ProtectedEnvelope(Head head, byte[] additionalData, byte[] tag, Policy policy, byte[] policyMac, byte[] der,
                              CmsBytes content) {
        this.head = head;
        this.additionalData = additionalData;
        this.tag = tag;
        this.policy = policy;
        this.policyMac = policyMac;
        this.der = der;
        this.content = content;
    }

    /** Encrypts a message under a fresh content key and seals its policy with the root key version the policy names. */
    static ProtectedEnvelope seal(byte[] message, Policy policy, RootKeyVersion root, Randomness randomness) {
        if (!policy.keyId().equals(root.id())) {
            throw new IllegalArgumentException("the policy names " + policy.keyId() + " but the key is " + root.id());
        }
        ContentKey contentKey = ContentKey.generate(randomness);
        byte[] wrappedKey = root.wrap(contentKey);
        byte[] nonce = randomness.bytes(ContentKey.NONCE_LENGTH);
        byte[] authAttrs = Der.encode(new DERSet(new ASN1Encodable[]{
                new Attribute(CMSAttributes.contentType, new DERSet(CMSObjectIdentifiers.data)),
                new Attribute(LabObjectIdentifiers.POLICY, new DERSet(PolicyEncoding.toAsn1(policy)))}),
                512 + 64 * policy.recipients().size());
        KEKIdentifier kekid = new KEKIdentifier(root.id().label().getBytes(StandardCharsets.UTF_8),
                new DERGeneralizedTime(Date.from(root.created())), null);
        byte[] recipients = Der.encode(new DERSet(new RecipientInfo(new KEKRecipientInfo(kekid, AES256_WRAP,
                new DEROctetString(wrappedKey)))), 256);
        byte[] algorithm = Der.encode(new AlgorithmIdentifier(NISTObjectIdentifiers.id_aes256_GCM,
                new GCMParameters(nonce, ContentKey.TAG_LENGTH)), 64);
        byte[] unauthAttrs = unauthAttrs(new byte[32]); // the MAC's length; its value comes last

        int length = message.length;
        int infoValue = DATA.length + algorithm.length + Der.headerLength(length) + length;
        int info = Der.headerLength(infoValue) + infoValue;
        int dataValue = VERSION_0.length + recipients.length + info + authAttrs.length + 2 + ContentKey.TAG_LENGTH
                + unauthAttrs.length;
        int data = Der.headerLength(dataValue) + dataValue;
        int explicit = Der.headerLength(data) + data;
        int outerValue = AUTH_ENVELOPED_DATA.length + explicit;
        int total = Der.headerLength(outerValue) + outerValue;
        if (total < 0 || infoValue < 0) {
            throw new ProtectionException("the message is too large to protect");
        }

        byte[] der = new byte[total];
        int at = Der.writeHeader(der, 0, Der.SEQUENCE, outerValue);
        at = put(der, at, AUTH_ENVELOPED_DATA);
        at = Der.writeHeader(der, at, 0xa0, data);
        at = Der.writeHeader(der, at, Der.SEQUENCE, dataValue);
        at = put(der, at, VERSION_0);
        at = put(der, at, recipients);
        int infoStart = at;
        at = Der.writeHeader(der, at, Der.SEQUENCE, infoValue);
        at = put(der, at, DATA);
        at = put(der, at, algorithm);
        int contentStart = Der.writeHeader(der, at, CONTENT, length);
        // The ciphertext goes where it belongs in the CMS; GCM writes its tag after it, where the
        // attributes go next: the tag is taken out, then the attributes written over it.
        MessageDigest sha256 = sha256();
        sha256.update(der, infoStart, contentStart - infoStart);
        contentKey.encrypt(nonce, authAttrs, message, der, contentStart, sha256);
        at = contentStart + length;
        byte[] tag = Arrays.copyOfRange(der, at, at + ContentKey.TAG_LENGTH);
        byte[] digest = sha256.digest();
        byte[] mac = root.mac(PolicyMac.input(policy, wrappedKey, digest));
        byte[] sealedUnauthAttrs = unauthAttrs(mac);
        if (sealedUnauthAttrs.length != unauthAttrs.length) {
            throw new IllegalStateException("the policy MAC changed length");
        }
        at = putTagged(der, at, authAttrs, AUTH_ATTRS);
        at = Der.writeHeader(der, at, Der.OCTET_STRING, ContentKey.TAG_LENGTH);
        at = put(der, at, tag);
        at = putTagged(der, at, sealedUnauthAttrs, UNAUTH_ATTRS);
        if (at != total) {
            throw new IllegalStateException("the CMS is " + at + " bytes, not " + total);
        }
        Head head = new Head(total, root.id(), wrappedKey, nonce, infoStart, contentStart, length);
        ProtectedEnvelope envelope = new ProtectedEnvelope(head, authAttrs, tag, policy, mac, der, null);
        envelope.contentDigest = digest;
        return envelope;
    }

    /** Reads the whole structure without any key: the policy is authenticated, not secret. The array is kept, not copied. */
    static ProtectedEnvelope parse(byte[] der) {
        Head head = head(der);
        if (head.total() != der.length) {
            throw malformed("the CMS is " + head.total() + " bytes long but " + der.length + " bytes were given");
        }
        return of(head, Arrays.copyOfRange(der, head.contentEnd(), der.length), der, null);
    }

    /**
     * An envelope read from its two ends: the head ({@link #head}) and the bytes after the
     * encrypted content. The content is read only when asked for, by {@code content}.
     */
    static ProtectedEnvelope of(Head head, byte[] tail, CmsBytes content) {
        return of(head, tail, null, content);
    }

    private static ProtectedEnvelope of(Head head, byte[] tail, byte[] der, CmsBytes content) {
        try {
            Der.Header auth = Der.header(tail, 0, tail.length);
            if (auth.tag() != AUTH_ATTRS) {
                throw malformed("the policy or its MAC is missing");
            }
            byte[] additionalData = Arrays.copyOfRange(tail, auth.start(), auth.end());
            additionalData[0] = Der.SET;
            Der.Header mac = Der.header(tail, auth.end(), tail.length, Der.OCTET_STRING, "the mac");
            Der.Header unauth = Der.header(tail, mac.end(), tail.length);
            if (unauth.tag() != UNAUTH_ATTRS) {
                throw malformed("the policy or its MAC is missing");
            }
            if (unauth.end() != tail.length) {
                throw malformed("there are " + (tail.length - unauth.end()) + " bytes after the unauthenticated attributes");
            }
            byte[] unauthAttrs = Arrays.copyOfRange(tail, unauth.start(), unauth.end());
            unauthAttrs[0] = Der.SET;
            Policy policy = PolicyEncoding.fromAsn1(attribute(set(additionalData), LabObjectIdentifiers.POLICY));
            byte[] policyMac = PolicyMac.fromAttributeValue(attribute(set(unauthAttrs), LabObjectIdentifiers.POLICY_MAC));
            return new ProtectedEnvelope(head, additionalData, Arrays.copyOfRange(tail, mac.valueStart(), mac.end()), policy,
                    policyMac, der, content);
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw malformed(e.getMessage());
        }
    }

    /** Reads what comes before the encrypted content; {@code in} may end anywhere after the content's header. */
    static Head head(byte[] in) {
        try {
            Der.Header outer = Der.header(in, 0, Integer.MAX_VALUE, Der.SEQUENCE, "the ContentInfo");
            int total = outer.end();
            Der.Header type = Der.header(in, outer.valueStart(), total, Der.OBJECT_IDENTIFIER, "the content type");
            ASN1ObjectIdentifier contentType = ASN1ObjectIdentifier.getInstance(primitive(in, type));
            if (!CMSObjectIdentifiers.authEnvelopedData.equals(contentType)) {
                throw malformed("it is " + contentType.getId() + ", not AuthEnvelopedData");
            }
            Der.Header explicit = Der.header(in, type.end(), total, 0xa0, "the content");
            Der.Header data = Der.header(in, explicit.valueStart(), explicit.end(), Der.SEQUENCE, "the AuthEnvelopedData");
            if (explicit.end() != total || data.end() != explicit.end()) {
                throw malformed("the ContentInfo holds more than its content");
            }
            Der.Header version = Der.header(in, data.valueStart(), data.end(), Der.INTEGER, "the version");
            Der.Header next = Der.header(in, version.end(), data.end());
            if (next.tag() == 0xa0) { // originatorInfo, which the service never writes and the lab ignores
                next = Der.header(in, next.end(), data.end());
            }
            if (next.tag() != Der.SET) {
                throw malformed("the recipientInfos are missing");
            }
            ASN1Set recipientInfos = ASN1Set.getInstance(primitive(in, next));
            if (recipientInfos.size() != 1
                    || !(RecipientInfo.getInstance(recipientInfos.getObjectAt(0)).getInfo() instanceof KEKRecipientInfo kek)) {
                throw malformed("a protected message has exactly one recipient, the tenant's key (KEKRecipientInfo)");
            }
            if (!AES256_WRAP.getAlgorithm().equals(kek.getKeyEncryptionAlgorithm().getAlgorithm())) {
                throw malformed("the content key is wrapped with " + kek.getKeyEncryptionAlgorithm().getAlgorithm().getId()
                        + ", not id-aes256-wrap");
            }
            String keyLabel = new String(kek.getKekid().getKeyIdentifier().getOctets(), StandardCharsets.UTF_8);
            KeyId recipientKey = KeyId.parse(keyLabel)
                    .orElseThrow(() -> malformed("the key '" + keyLabel + "' is not a tenant root key"));
            Der.Header info = Der.header(in, next.end(), data.end(), Der.SEQUENCE, "the authEncryptedContentInfo");
            Der.Header infoType = Der.header(in, info.valueStart(), info.end(), Der.OBJECT_IDENTIFIER, "its content type");
            Der.Header algorithmHeader = Der.header(in, infoType.end(), info.end(), Der.SEQUENCE, "the content encryption algorithm");
            AlgorithmIdentifier cipher = AlgorithmIdentifier.getInstance(primitive(in, algorithmHeader));
            if (!NISTObjectIdentifiers.id_aes256_GCM.equals(cipher.getAlgorithm())) {
                throw malformed("the content is encrypted with " + cipher.getAlgorithm().getId() + ", not AES-256-GCM");
            }
            GCMParameters gcm = GCMParameters.getInstance(cipher.getParameters());
            if (gcm.getNonce().length != ContentKey.NONCE_LENGTH || gcm.getIcvLen() != ContentKey.TAG_LENGTH) {
                throw malformed("the service writes 12-byte GCM nonces and 16-byte tags");
            }
            if (algorithmHeader.end() == info.end()) {
                throw malformed("the encrypted content is missing");
            }
            Der.Header content = Der.header(in, algorithmHeader.end(), info.end());
            if (content.tag() != CONTENT || content.end() != info.end()) {
                throw malformed("the encrypted content is not one DER octet string ([0] IMPLICIT)");
            }
            return new Head(total, recipientKey, kek.getEncryptedKey().getOctets(), gcm.getNonce(), info.start(),
                    content.valueStart(), content.length());
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException | ArrayIndexOutOfBoundsException e) {
            throw malformed(String.valueOf(e.getMessage()));
        }
    }

    /** The CMS, DER: a copy. */
    byte[] der() {
        return whole().clone();
    }

    /** The CMS itself, not copied: for the service's own store, which keeps it as it is. */
    byte[] sharedDer() {
        return whole();
    }

    Policy policy() {
        return policy;
    }

    KeyId recipientKey() {
        return head.recipientKey();
    }

    byte[] policyMac() {
        return policyMac.clone();
    }

    /** What the service remembers of this message to check its policy later without reading its content. */
    Seal seal() {
        return new Seal(contentDigest(), tag, head.nonce(), head.contentLength());
    }

    /**
     * What only the service can do: find the root key version the message names, check the policy
     * MAC, and unwrap the content key. Fails for another tenant's message and for any change to the
     * policy, the wrapped key or the encrypted content. Reads the whole content (for its digest).
     */
    ContentKey unlock(TenantRootKey keys) {
        return unlock(keys, Optional.empty());
    }

    /**
     * As {@link #unlock(TenantRootKey)}, but when the service sealed this message itself
     * ({@code sealed}: what it remembered then) and the message still carries the same GCM nonce,
     * tag and content length, the digest it took then stands in for reading the content now. Then
     * a change to the ciphertext alone goes unnoticed here — it cannot be decrypted: GCM's tag is
     * checked when it is opened, and the content's digest with it ({@link #decrypt}).
     */
    ContentKey unlock(TenantRootKey keys, Optional<Seal> sealed) {
        KeyId recipientKey = head.recipientKey();
        RootKeyVersion root = keys.version(recipientKey).orElseThrow(() -> new ProtectionException(
                "the message was protected with " + recipientKey + ", which is not a key of "
                        + keys.current().id().tenantDomain() + ": only the tenant that protected a message can unlock it"));
        if (!recipientKey.equals(policy.keyId())) {
            throw new ProtectionException("the message's key is " + recipientKey + " but its policy names " + policy.keyId());
        }
        byte[] digest = sealed.filter(this::carries).map(Seal::contentDigest).orElseGet(this::contentDigest);
        checkMac(root, digest);
        return root.unwrap(head.wrappedKey());
    }

    /**
     * The original message. The GCM tag must match the content and the authenticated attributes,
     * and then the policy MAC the digest of the content: a reader who holds the content key can
     * make a tag that matches other content, but not a MAC.
     */
    byte[] decrypt(SecretKey contentKey, TenantRootKey keys) {
        RootKeyVersion root = keys.version(head.recipientKey()).orElseThrow(() -> new ProtectionException(
                "the message was protected with " + head.recipientKey() + ", which is not a key of "
                        + keys.current().id().tenantDomain()));
        // One pass over the content, a piece at a time: decoded (from base64), hashed, decrypted.
        ContentKey.Opening opening = new ContentKey(contentKey).opening(head.nonce(), additionalData, head.contentLength());
        MessageDigest sha256 = sha256();
        CmsBytes bytes = bytes();
        bytes.read(head.infoStart(), head.contentStart(), sha256::update);
        bytes.read(head.contentStart(), head.contentEnd(), (piece, offset, length) -> {
            sha256.update(piece, offset, length);
            opening.update(piece, offset, length);
        });
        byte[] digest = sha256.digest();
        byte[] original = opening.finish(tag);
        checkMac(root, digest);
        contentDigest = digest;
        return original;
    }

    private boolean carries(Seal sealed) {
        return sealed.contentLength() == head.contentLength() && MessageDigest.isEqual(sealed.tag(), tag)
                && MessageDigest.isEqual(sealed.nonce(), head.nonce());
    }

    private void checkMac(RootKeyVersion root, byte[] digest) {
        if (!root.macMatches(PolicyMac.input(policy, head.wrappedKey(), digest), policyMac)) {
            throw new ProtectionException("the policy MAC of " + policy.messageId() + " does not match: its policy, wrapped"
                    + " content key or encrypted content was changed after the service protected it");
        }
    }

    /** SHA-256 of the DER of authEncryptedContentInfo: nonce and ciphertext. */
    private byte[] contentDigest() {
        if (contentDigest == null) {
            MessageDigest sha256 = sha256();
            bytes().read(head.infoStart(), head.contentEnd(), sha256::update);
            contentDigest = sha256.digest();
        }
        return contentDigest;
    }

    /** The CMS's bytes: the array when there is one, else where they were found. */
    private CmsBytes bytes() {
        return der != null ? new InArray(der) : content;
    }

    private byte[] whole() {
        if (der == null) {
            byte[] loaded = content.all(head.total());
            Head reread = head(loaded);
            if (reread.total() != head.total() || reread.contentStart() != head.contentStart()
                    || reread.contentLength() != head.contentLength()) {
                throw malformed("its two ends do not belong together");
            }
            der = loaded;
        }
        return der;
    }

    private static MessageDigest sha256() {
        try {
            return JdkCiphers.sha256();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available: " + e.getMessage(), e);
        }
    }

    /** A CMS held in an array. */
    private record InArray(byte[] der) implements CmsBytes {
        @Override
        public void read(int from, int to, Sink sink) {
            for (int at = from; at < to; at += ContentKey.CHUNK) {
                sink.accept(der, at, Math.min(ContentKey.CHUNK, to - at));
            }
        }

        @Override
        public byte[] all(int total) {
            return der;
        }
    }

    private static byte[] unauthAttrs(byte[] mac) {
        return Der.encode(new DERSet(new Attribute(LabObjectIdentifiers.POLICY_MAC,
                new DERSet(PolicyMac.attributeValue(mac)))), 96);
    }

    private static int put(byte[] der, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, der, at, bytes.length);
        return at + bytes.length;
    }

    /** A SET written with an implicit context tag instead of its own. */
    private static int putTagged(byte[] der, int at, byte[] set, int tag) {
        put(der, at, set);
        der[at] = (byte) tag;
        return at + set.length;
    }

    private static ASN1Primitive primitive(byte[] in, Der.Header header) {
        if (header.end() > in.length) {
            throw new IllegalStateException("cut off");
        }
        try {
            return ASN1Primitive.fromByteArray(Arrays.copyOfRange(in, header.start(), header.end()));
        } catch (IOException e) {
            throw malformed(e.getMessage());
        }
    }

    private static ASN1Set set(byte[] der) {
        try {
            return ASN1Set.getInstance(ASN1Primitive.fromByteArray(der));
        } catch (IOException e) {
            throw malformed(e.getMessage());
        }
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

    private static ProtectionException malformed(String why) {
        return new ProtectionException("malformed protected message: " + why);
    }

    /**
     * What the service remembers of each message it sealed: the digest of its encrypted content and
     * the GCM values that go with it.
     */
    record Seal(byte[] contentDigest, byte[] tag, byte[] nonce, int contentLength) {
    }
}
