package org.envelopelab.pki;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A published directory of certificates by email address, as an organization's LDAP or a
 * provider's address book offers: one way (besides signed mail) for a sender to get a
 * recipient's certificate before encrypting. Only certificates are here, never keys.
 */
public final class CertificateDirectory {

    private final Map<String, X509Certificate> byEmail = new ConcurrentHashMap<>();

    /** Publishes a certificate under each email address it names. */
    public void publish(X509Certificate certificate) {
        List<String> emails = Certificates.emails(certificate);
        if (emails.isEmpty()) {
            throw new IllegalArgumentException("a certificate without an email address cannot be published");
        }
        emails.forEach(email -> byEmail.put(email, certificate));
    }

    public Optional<X509Certificate> lookup(String email) {
        return Optional.ofNullable(byEmail.get(email.toLowerCase(Locale.ROOT)));
    }

    public int size() {
        return byEmail.size();
    }
}
