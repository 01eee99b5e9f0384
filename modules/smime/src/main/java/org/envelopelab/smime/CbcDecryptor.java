package org.envelopelab.smime;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.operator.InputDecryptor;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;

/**
 * Decrypts AES-CBC content (EnvelopedData) with the JDK's SunJCE. Nothing checks that the
 * ciphertext is the one the sender made: only the padding of the last block can fail. That is the
 * weakness the EFAIL lesson shows. Still, like GCM content, the plaintext is released only after
 * all of it decrypted and the padding held ({@link HeldPlaintext}), so a reader never prints a
 * message and then learns it was broken.
 */
final class CbcDecryptor implements InputDecryptor {

    private final AlgorithmIdentifier algorithm;
    private final Cipher cipher;
    private final int chunk;

    CbcDecryptor(AlgorithmIdentifier algorithm, SecretKey key, int chunk) throws CMSException {
        this.algorithm = algorithm;
        this.chunk = chunk;
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
        return new HeldPlaintext() {
            @Override
            protected void decryptAndCheck(PlaintextSpool spool) throws IOException {
                byte[] ciphertext = new byte[chunk];
                byte[] plaintext = new byte[chunk + 16];
                try {
                    for (int read = encrypted.read(ciphertext); read >= 0; read = encrypted.read(ciphertext)) {
                        spool.write(plaintext, 0, cipher.update(ciphertext, 0, read, plaintext, 0));
                    }
                    // The padding is checked here, with the last block: a wrong one throws BadPaddingException.
                    spool.write(plaintext, 0, cipher.doFinal(plaintext, 0));
                } catch (GeneralSecurityException e) {
                    throw new IOException("the AES-CBC content does not decrypt", e);
                }
            }
        };
    }
}
