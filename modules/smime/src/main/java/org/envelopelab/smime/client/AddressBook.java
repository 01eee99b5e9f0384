package org.envelopelab.smime.client;

import org.envelopelab.pki.Certificates;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The certificates a mail client has collected from other people (RFC 8550: usually from the
 * signed mail they sent). A newer certificate for the same address replaces an older one.
 */
public final class AddressBook {

    private final Map<String, X509Certificate> byAddress = new ConcurrentHashMap<>();

    /**
     * Files a certificate under each address it names, unless a newer one is already there.
     *
     * @return the addresses for which this certificate is new to the address book
     */
    public List<String> learn(X509Certificate certificate) {
        List<String> learned = new ArrayList<>();
        for (String address : Certificates.emails(certificate)) {
            X509Certificate known = byAddress.get(address);
            if (known == null || (!known.equals(certificate) && certificate.getNotBefore().after(known.getNotBefore()))) {
                byAddress.put(address, certificate);
                learned.add(address);
            }
        }
        return learned;
    }

    public Optional<X509Certificate> lookup(String address) {
        return Optional.ofNullable(byAddress.get(address.toLowerCase(Locale.ROOT)));
    }

    public List<String> addresses() {
        return byAddress.keySet().stream().sorted().toList();
    }
}
