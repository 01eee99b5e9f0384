package org.envelopelab.pki;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;

/**
 * What one person holds to use S/MIME: their private key, their certificate, and the chain up
 * to (and including) the issuing CA.
 *
 * @param privateKey  the private key; it never leaves the person's own key store
 * @param certificate the person's certificate
 * @param chain       the certificate first, then its issuers
 */
public record Credential(PrivateKey privateKey, X509Certificate certificate, List<X509Certificate> chain) {

    public Credential {
        chain = List.copyOf(chain);
    }

    /** The email address the certificate is for. */
    public String email() {
        return Certificates.email(certificate);
    }

    /**
     * Whether the private key is the one the certificate was issued for. Key files can be paired
     * wrongly (a key with someone else's certificate); a signature made so would never verify, and
     * decryption would fail deep inside the crypto. An RSA key that carries its public half (every
     * key in PKCS#8 and PKCS#12 does) matches when its modulus and public exponent are the
     * certificate's, as OpenSSL checks it; for other keys it signs a random challenge with the key
     * and checks it with the certificate's public key, which works the same for RSA and EC keys.
     * (The comparison spares a private-key operation, a good part of what {@code lab smime
     * decrypt} costs in a fresh JVM.)
     */
    public boolean keyMatchesCertificate() {
        PublicKey publicKey = certificate.getPublicKey();
        if (!publicKey.getAlgorithm().equals(privateKey.getAlgorithm())) {
            return false;
        }
        if (privateKey instanceof RSAPrivateCrtKey rsa && publicKey instanceof RSAPublicKey certified) {
            return rsa.getModulus().equals(certified.getModulus()) && rsa.getPublicExponent().equals(certified.getPublicExponent());
        }
        String algorithm = switch (publicKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> null;
        };
        if (algorithm == null) {
            return true; // a key type S/MIME in the lab does not use: refused where it would be used, with a clearer sentence
        }
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // a key the certificate's algorithm cannot even use is not its key
        }
    }
}
