package org.envelopelab.service.protection;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AuthEnvelopedData;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.EncryptedContentInfo;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * What an attacker can do to a protected message: flip bits without any key, or — as a reader who
 * was given the content key — re-encrypt it under a policy or content of their own, with a GCM tag
 * that verifies. Everything here uses only public knowledge: the documented format and the key a
 * use license hands out.
 */
final class Forgery {

    private Forgery() {
    }

    /** Flips one bit of the encrypted content, as anyone on the wire could. */
    static byte[] flipCiphertextBit(byte[] protectedMime) throws Exception {
        AuthEnvelopedData data = data(protectedMime);
        EncryptedContentInfo content = data.getAuthEncryptedContentInfo();
        byte[] ciphertext = content.getEncryptedContent().getOctets();
        ciphertext[10] ^= 0x01;
        EncryptedContentInfo changed = new EncryptedContentInfo(content.getContentType(), content.getContentEncryptionAlgorithm(),
                new DEROctetString(ciphertext));
        return replace(protectedMime, new AuthEnvelopedData(null, data.getRecipientInfos(), changed, data.getAuthAttrs(),
                data.getMac(), data.getUnauthAttrs()));
    }

    /** Changes one byte of the service's policy MAC. */
    static byte[] changePolicyMac(byte[] protectedMime) throws Exception {
        byte[] der = ProtectedMessage.read(protectedMime).cms();
        byte[] mac = PolicyMac.fromAttributeValue(Attribute.getInstance(data(protectedMime).getUnauthAttrs().getObjectAt(0))
                .getAttrValues().getObjectAt(0));
        byte[] changedMac = mac.clone();
        changedMac[0] ^= 0x01;
        byte[] changed = replaceBytes(der, mac, changedMac);
        return replaceCms(protectedMime, der, changed);
    }

    /**
     * A reader's forgery: the same wrapped key and the same policy MAC, but a policy of the reader's
     * choosing as the authenticated attribute, and the content encrypted again under the content key
     * they were licensed, so that the GCM tag matches.
     */
    static byte[] reEncrypt(byte[] protectedMime, Policy policy, byte[] content, SecretKey contentKey) throws Exception {
        AuthEnvelopedData data = data(protectedMime);
        ASN1Set authAttrs = new DERSet(new ASN1Encodable[]{
                new Attribute(CMSAttributes.contentType, new DERSet(CMSObjectIdentifiers.data)),
                new Attribute(LabObjectIdentifiers.POLICY, new DERSet(PolicyEncoding.toAsn1(policy)))});
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, contentKey, new GCMParameterSpec(128, nonce));
        gcm.updateAAD(authAttrs.getEncoded(ASN1Encoding.DER));
        byte[] sealed = gcm.doFinal(content);
        EncryptedContentInfo encrypted = new EncryptedContentInfo(CMSObjectIdentifiers.data,
                new AlgorithmIdentifier(NISTObjectIdentifiers.id_aes256_GCM, new GCMParameters(nonce, 16)),
                new DEROctetString(Arrays.copyOf(sealed, sealed.length - 16)));
        return replace(protectedMime, new AuthEnvelopedData(null, data.getRecipientInfos(), encrypted, authAttrs,
                new DEROctetString(Arrays.copyOfRange(sealed, sealed.length - 16, sealed.length)), data.getUnauthAttrs()));
    }

    /** What anyone holding the content key can do with a protected message, without the service: decrypt it with GCM. */
    static byte[] decrypt(byte[] protectedMime, SecretKey contentKey) throws Exception {
        AuthEnvelopedData data = data(protectedMime);
        EncryptedContentInfo content = data.getAuthEncryptedContentInfo();
        GCMParameters gcm = GCMParameters.getInstance(content.getContentEncryptionAlgorithm().getParameters());
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, contentKey, new GCMParameterSpec(gcm.getIcvLen() * 8, gcm.getNonce()));
        cipher.updateAAD(data.getAuthAttrs().getEncoded(ASN1Encoding.DER));
        cipher.update(content.getEncryptedContent().getOctets());
        return cipher.doFinal(data.getMac().getOctets());
    }

    private static AuthEnvelopedData data(byte[] protectedMime) throws Exception {
        ContentInfo info = ContentInfo.getInstance(ASN1Primitive.fromByteArray(ProtectedMessage.read(protectedMime).cms()));
        return AuthEnvelopedData.getInstance(info.getContent());
    }

    private static byte[] replace(byte[] protectedMime, AuthEnvelopedData data) throws Exception {
        byte[] der = new ContentInfo(CMSObjectIdentifiers.authEnvelopedData, data).getEncoded(ASN1Encoding.DER);
        return replaceCms(protectedMime, ProtectedMessage.read(protectedMime).cms(), der);
    }

    /** The protected message with its base64 attachment swapped for another CMS, everything else unchanged. */
    private static byte[] replaceCms(byte[] protectedMime, byte[] oldCms, byte[] newCms) {
        String mime = new String(protectedMime, StandardCharsets.US_ASCII);
        String before = new String(Base64.getMimeEncoder().encode(oldCms), StandardCharsets.US_ASCII);
        String after = new String(Base64.getMimeEncoder().encode(newCms), StandardCharsets.US_ASCII);
        if (!mime.contains(before)) {
            throw new IllegalStateException("the CMS is not where the writer puts it");
        }
        return mime.replace(before, after).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] replaceBytes(byte[] haystack, byte[] needle, byte[] replacement) {
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                byte[] changed = haystack.clone();
                System.arraycopy(replacement, 0, changed, i, replacement.length);
                return changed;
            }
        }
        throw new IllegalStateException("not found");
    }
}
