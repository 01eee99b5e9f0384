package org.envelopelab.smime;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.operator.InputDecryptor;

import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;
import java.io.InputStream;
import java.security.GeneralSecurityException;

/**
 * Decrypts AES-CBC content (EnvelopedData) with the JDK's SunJCE, as it streams. Nothing checks
 * that the ciphertext is the one the sender made: only the padding of the last block can fail.
 * That is the weakness the EFAIL lesson shows.
 */
final class CbcDecryptor implements InputDecryptor {

    private final AlgorithmIdentifier algorithm;
    private final Cipher cipher;

    CbcDecryptor(AlgorithmIdentifier algorithm, SecretKey key) throws CMSException {
        this.algorithm = algorithm;
        try {
            byte[] iv = ASN1OctetString.getInstance(algorithm.getParameters()).getOctets();
            if (iv.length != 16) {
                throw new CMSException("the AES-CBC IV is " + iv.length + " bytes; it must be 16");
            }
            cipher = Cipher.getInstance("AES/CBC/PKCS5Padding", CryptoProviders.JDK_CIPHERS);
            cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(iv));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new CMSException("cannot set up AES-CBC: " + e.getMessage(), e);
        }
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return algorithm;
    }

    @Override
    public InputStream getInputStream(InputStream encrypted) {
        return new CipherInputStream(encrypted, cipher);
    }
}
