package org.envelopelab.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
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
}
