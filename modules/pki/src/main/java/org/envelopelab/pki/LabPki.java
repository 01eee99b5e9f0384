package org.envelopelab.pki;

import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The certificate authorities of one mail world: a root CA per organization, one public CA
 * for the people at consumer providers (as a commercial CA would serve them), and an unknown CA
 * nobody trusts (for lessons about untrusted certificates). Every client in the world trusts
 * the organization and public CAs — as if they were in each operating system's trust store — and
 * can fetch every CA's current CRL. It also keeps the world's certificate directory.
 */
public final class LabPki {

    public static final String PUBLIC_CA = "Lab Public CA";
    public static final String UNKNOWN_CA = "Unknown Root CA";

    private final Clock clock;
    private final SecureRandom random;
    private final Map<String, CertificateAuthority> trusted = new LinkedHashMap<>();
    private CertificateAuthority unknown;
    private final CertificateDirectory directory = new CertificateDirectory();

    public LabPki(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    /** The CA an organization runs for its own people ("Contoso Root CA"), created on first use. */
    public synchronized CertificateAuthority organizationCa(String organization) {
        return trusted.computeIfAbsent(organization.toLowerCase(Locale.ROOT),
                key -> CertificateAuthority.create(organization + " Root CA", organization, clock, random));
    }

    /** The public CA that consumer providers' people get certificates from. */
    public synchronized CertificateAuthority publicCa() {
        return trusted.computeIfAbsent("\u0000public",
                key -> CertificateAuthority.create(PUBLIC_CA, "Lab Public Certificates", clock, random));
    }

    /** A CA that no client trusts: certificates from it are refused as untrusted. */
    public synchronized CertificateAuthority unknownCa() {
        if (unknown == null) {
            unknown = CertificateAuthority.create(UNKNOWN_CA, "Nobody You Know", clock, random);
        }
        return unknown;
    }

    /** Issues a certificate valid from now for a year. */
    public Credential issue(CertificateAuthority ca, String email, String name, KeyType type) {
        return ca.issue(email, name, type);
    }

    /** Issues a certificate that expired before the lab clock's now (it was valid for a year). */
    public Credential issueExpired(CertificateAuthority ca, String email, String name, KeyType type) {
        Instant now = clock.instant();
        return ca.issue(email, name, type, now.minus(java.time.Duration.ofDays(400)), now.minus(java.time.Duration.ofDays(35)));
    }

    public synchronized List<X509Certificate> trustedRoots() {
        return trusted.values().stream().map(CertificateAuthority::certificate).toList();
    }

    /** Every CA's CRL as of now — the unknown CA's too: its certificates fail on trust, not on revocation. */
    public synchronized List<X509CRL> crls() {
        List<X509CRL> crls = new ArrayList<>();
        trusted.values().forEach(ca -> crls.add(ca.crl()));
        if (unknown != null) {
            crls.add(unknown.crl());
        }
        return crls;
    }

    /** A validator as every client of this world judges certificates. */
    public CertificateValidator validator() {
        return new CertificateValidator(this::trustedRoots, this::crls, clock);
    }

    /** The CA that issued a certificate, among this world's. */
    public synchronized Optional<CertificateAuthority> issuerOf(X509Certificate certificate) {
        Collection<CertificateAuthority> all = new ArrayList<>(trusted.values());
        if (unknown != null) {
            all.add(unknown);
        }
        return all.stream()
                .filter(ca -> ca.certificate().getSubjectX500Principal().equals(certificate.getIssuerX500Principal()))
                .findFirst();
    }

    public CertificateDirectory directory() {
        return directory;
    }

    public Clock clock() {
        return clock;
    }
}
