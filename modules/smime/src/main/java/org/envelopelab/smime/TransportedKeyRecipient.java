package org.envelopelab.smime;

import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.RecipientOperator;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipient;

import java.security.Key;
import java.security.PrivateKey;

/**
 * A recipient whose content key was encrypted to their RSA key (PKCS#1 v1.5 or OAEP). Bouncy
 * Castle decodes the RecipientInfo and unwraps the key through the JCA (the JDK's RSA); the
 * content itself goes to the lab's own decryptors, which use the JDK's AES (see
 * {@link ContentDecryptors} for why not Bouncy Castle's content ciphers).
 */
final class TransportedKeyRecipient extends JceKeyTransRecipient {

    private final int bufferSize;

    TransportedKeyRecipient(PrivateKey key, int bufferSize) {
        super(key);
        this.bufferSize = bufferSize;
        setAllowedContentAlgorithms(ContentDecryptors.ALLOWED);
    }

    @Override
    public RecipientOperator getRecipientOperator(AlgorithmIdentifier keyEncryptionAlgorithm, AlgorithmIdentifier contentEncryptionAlgorithm,
                                                  byte[] encryptedContentKey) throws CMSException {
        Key contentKey = extractSecretKey(keyEncryptionAlgorithm, contentEncryptionAlgorithm, encryptedContentKey);
        return new RecipientOperator(ContentDecryptors.forContent(contentEncryptionAlgorithm, contentKey, bufferSize));
    }
}
