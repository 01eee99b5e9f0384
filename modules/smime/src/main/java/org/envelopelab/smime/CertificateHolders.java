package org.envelopelab.smime;

import org.bouncycastle.cert.X509CertificateHolder;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Bouncy Castle's view of a certificate, kept per certificate. Signing and decrypting need the
 * signer's or reader's certificate (and chain) as {@link X509CertificateHolder}s, and making one
 * re-encodes and re-parses the certificate: three times per signature before this cache, a few
 * percent of a whole 1KB signature. Entries go when their certificate is no longer used.
 */
final class CertificateHolders {

    private static final Map<X509Certificate, X509CertificateHolder> HOLDERS = Collections.synchronizedMap(new WeakHashMap<>());

    private CertificateHolders() {
    }

    static X509CertificateHolder of(X509Certificate certificate) throws CertificateEncodingException, IOException {
        X509CertificateHolder holder = HOLDERS.get(certificate);
        if (holder == null) {
            holder = new X509CertificateHolder(certificate.getEncoded());
            HOLDERS.put(certificate, holder);
        }
        return holder;
    }
}
