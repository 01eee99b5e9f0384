package org.envelopelab.smime;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.RecipientOperator;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipient;

import java.security.Key;
import java.security.PrivateKey;

/**
 * A recipient whose content key was wrapped under a key agreed by ECDH between the sender's
 * ephemeral key and their EC key (RFC 5753). The agreement, the X9.63 KDF and the AES key unwrap
 * are Bouncy Castle's (the JDK has no CMS KDF); the content goes to the lab's own decryptors.
 */
final class AgreedKeyRecipient extends JceKeyAgreeRecipient {

    private final int bufferSize;

    AgreedKeyRecipient(PrivateKey key, int bufferSize) {
        super(key);
        this.bufferSize = bufferSize;
        setProvider(CryptoProviders.bouncyCastle());
        setAllowedContentAlgorithms(ContentDecryptors.ALLOWED);
    }

    @Override
    public RecipientOperator getRecipientOperator(AlgorithmIdentifier keyEncryptionAlgorithm, AlgorithmIdentifier contentEncryptionAlgorithm,
                                                  SubjectPublicKeyInfo senderPublicKey, ASN1OctetString userKeyingMaterial,
                                                  byte[] encryptedContentKey) throws CMSException {
        Key contentKey = extractSecretKey(keyEncryptionAlgorithm, contentEncryptionAlgorithm, senderPublicKey, userKeyingMaterial,
                encryptedContentKey);
        return new RecipientOperator(ContentDecryptors.forContent(contentEncryptionAlgorithm, contentKey, bufferSize));
    }
}
