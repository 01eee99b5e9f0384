package org.envelopelab.pki;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.InvalidAlgorithmParameterException;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Locale;

/**
 * The key types the lab issues S/MIME certificates for (RFC 8551 section 4): RSA keys encrypt by
 * key transport and sign with RSA; EC P-256 keys agree on keys (ECDH) and sign with ECDSA.
 */
public enum KeyType {
    RSA_2048("rsa2048", "RSA", 2048),
    RSA_3072("rsa3072", "RSA", 3072),
    EC_P256("ec-p256", "EC", 256);

    private final String label;
    private final String algorithm;
    private final int bits;

    KeyType(String label, String algorithm, int bits) {
        this.label = label;
        this.algorithm = algorithm;
        this.bits = bits;
    }

    /** The name scenarios and the command line use: rsa2048, rsa3072, ec-p256. */
    public String label() {
        return label;
    }

    public boolean isRsa() {
        return algorithm.equals("RSA");
    }

    /** The JCA signature algorithm for certificates and S/MIME signatures made with this key. */
    public String signatureAlgorithm() {
        return isRsa() ? "SHA256withRSA" : "SHA256withECDSA";
    }

    public KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (isRsa()) {
                generator.initialize(bits, random);
            } else {
                generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            }
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("this JDK cannot make " + label + " keys", e);
        }
    }

    /** The key type for a label; the error lists the ones there are. */
    public static KeyType ofLabel(String label) {
        for (KeyType type : values()) {
            if (type.label.equals(label.toLowerCase(Locale.ROOT))) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown key type '" + label + "' (key types: rsa2048, rsa3072, ec-p256)");
    }
}
