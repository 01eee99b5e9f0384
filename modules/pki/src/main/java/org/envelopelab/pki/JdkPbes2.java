package org.envelopelab.pki;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.util.Map;

/**
 * Decrypts an encrypted PKCS#8 key (PBES2: PBKDF2 with HMAC-SHA-1 or SHA-2, then AES-CBC) with
 * the JDK's own provider, as {@code lab pki} and {@code openssl genpkey/pkcs8} write them. Bouncy
 * Castle's provider does the same, but making it costs most of a second in a fresh JVM, which every
 * {@code lab smime} command with a PEM key paid. Anything else returns null: the caller falls
 * back to Bouncy Castle.
 */
final class JdkPbes2 {

    private static final Map<ASN1ObjectIdentifier, String> PRFS = Map.of(
            PKCSObjectIdentifiers.id_hmacWithSHA1, "PBKDF2WithHmacSHA1",
            PKCSObjectIdentifiers.id_hmacWithSHA224, "PBKDF2WithHmacSHA224",
            PKCSObjectIdentifiers.id_hmacWithSHA256, "PBKDF2WithHmacSHA256",
            PKCSObjectIdentifiers.id_hmacWithSHA384, "PBKDF2WithHmacSHA384",
            PKCSObjectIdentifiers.id_hmacWithSHA512, "PBKDF2WithHmacSHA512");
    private static final Map<ASN1ObjectIdentifier, Integer> AES_CBC_KEY_BYTES = Map.of(
            NISTObjectIdentifiers.id_aes128_CBC, 16,
            NISTObjectIdentifiers.id_aes192_CBC, 24,
            NISTObjectIdentifiers.id_aes256_CBC, 32);

    private JdkPbes2() {
    }

    /**
     * @return the decrypted key, or null when the encryption is not PBES2 with PBKDF2 and AES-CBC
     * @throws GeneralSecurityException when it is, but does not decrypt (a wrong password)
     */
    static PrivateKeyInfo decrypt(EncryptedPrivateKeyInfo encrypted, char[] password) throws GeneralSecurityException {
        if (!PKCSObjectIdentifiers.id_PBES2.equals(encrypted.getEncryptionAlgorithm().getAlgorithm())) {
            return null;
        }
        PBES2Parameters pbes2 = PBES2Parameters.getInstance(encrypted.getEncryptionAlgorithm().getParameters());
        KeyDerivationFunc kdf = pbes2.getKeyDerivationFunc();
        Integer keyBytes = AES_CBC_KEY_BYTES.get(pbes2.getEncryptionScheme().getAlgorithm());
        if (!PKCSObjectIdentifiers.id_PBKDF2.equals(kdf.getAlgorithm()) || keyBytes == null
                || !(pbes2.getEncryptionScheme().getParameters() instanceof ASN1OctetString iv)) {
            return null;
        }
        PBKDF2Params pbkdf2 = PBKDF2Params.getInstance(kdf.getParameters());
        String prf = PRFS.get(pbkdf2.getPrf().getAlgorithm());
        if (prf == null || (pbkdf2.getKeyLength() != null && pbkdf2.getKeyLength().intValueExact() != keyBytes)) {
            return null;
        }
        PBEKeySpec spec = new PBEKeySpec(password, pbkdf2.getSalt(), pbkdf2.getIterationCount().intValueExact(), keyBytes * 8);
        try {
            byte[] key = SecretKeyFactory.getInstance(prf).generateSecret(spec).getEncoded();
            Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv.getOctets()));
            return PrivateKeyInfo.getInstance(aes.doFinal(encrypted.getEncryptedData()));
        } catch (IllegalArgumentException e) {
            // The padding happened to look right, but what came out is not a key: a wrong password too.
            throw new GeneralSecurityException("the decrypted bytes are not a private key", e);
        } finally {
            spec.clearPassword();
        }
    }
}
