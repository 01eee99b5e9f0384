package org.envelopelab.smime;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.operator.InputDecryptor;

import javax.crypto.spec.SecretKeySpec;
import java.security.Key;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chooses the decryptor for the content once the content key is recovered. The lab decrypts
 * content with the JDK's SunJCE (AES-NI) rather than through Bouncy Castle's recipient classes:
 * those look the GCM cipher up by OID and fail with SunJCE ("can't find algorithm"), and SunJCE's
 * own GCM decryption holds back all plaintext until the tag is checked, so a large message needs
 * twice its size in heap. {@link GcmDecryptor} avoids both; {@link CbcDecryptor} is plain SunJCE.
 */
final class ContentDecryptors {

    /** The content algorithms a recipient accepts; anything else is refused before a key is unwrapped for it. */
    static final Set<ASN1ObjectIdentifier> ALLOWED = Arrays.stream(ContentCipher.values())
            .map(ContentCipher::oid).collect(Collectors.toUnmodifiableSet());

    private ContentDecryptors() {
    }

    static InputDecryptor forContent(AlgorithmIdentifier algorithm, Key contentKey, int bufferSize) throws CMSException {
        ContentCipher cipher = ContentCipher.ofOid(algorithm.getAlgorithm())
                .orElseThrow(() -> new CMSException("content algorithm " + algorithm.getAlgorithm() + " is not one the lab reads"));
        byte[] encoded = contentKey.getEncoded();
        if (encoded == null || encoded.length * 8 != cipher.keyBits()) {
            throw new CMSException("the content key has the wrong length for " + cipher.label());
        }
        SecretKeySpec key = new SecretKeySpec(encoded, "AES");
        return cipher.authenticated() ? new GcmDecryptor(algorithm, key, bufferSize) : new CbcDecryptor(algorithm, key, bufferSize);
    }
}
