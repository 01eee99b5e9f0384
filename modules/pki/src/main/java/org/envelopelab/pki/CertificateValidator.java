package org.envelopelab.pki;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Decides whether a certificate may be used for S/MIME with someone, and if not, says why in
 * words a student can act on: it has expired or is not yet valid, it is not for email, it was
 * revoked (according to its issuer's current CRL), or it chains to a CA this client does not trust.
 */
public final class CertificateValidator {

    /** What can be wrong with a certificate. */
    public enum Problem { NONE, EXPIRED, NOT_YET_VALID, NOT_FOR_EMAIL, REVOKED, UNTRUSTED, NO_REVOCATION_STATUS }

    /**
     * The answer.
     *
     * @param problem     NONE when the certificate is good
     * @param explanation what is wrong, or what makes it good ("issued by Contoso Root CA, trusted")
     */
    public record Verdict(Problem problem, String explanation) {
        public boolean valid() {
            return problem == Problem.NONE;
        }
    }

    private static final String EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";
    private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";

    private final Supplier<Collection<X509Certificate>> trusted;
    private final Supplier<Collection<X509CRL>> crls;
    private final Clock clock;

    /**
     * @param trusted the CAs this client trusts (read at each check, so trusting a CA later takes effect)
     * @param crls    the CRLs it can fetch (read at each check, so a revocation takes effect at once)
     * @param clock   the lab clock
     */
    public CertificateValidator(Supplier<Collection<X509Certificate>> trusted, Supplier<Collection<X509CRL>> crls,
                                Clock clock) {
        this.trusted = trusted;
        this.crls = crls;
        this.clock = clock;
    }

    public Verdict check(X509Certificate certificate) {
        Instant now = clock.instant();
        String who = Certificates.commonName(certificate) + "'s certificate";
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            return new Verdict(Problem.EXPIRED, who + " expired on " + day(certificate.getNotAfter()));
        }
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            return new Verdict(Problem.NOT_YET_VALID, who + " is not valid before " + day(certificate.getNotBefore()));
        }
        if (!forEmail(certificate)) {
            return new Verdict(Problem.NOT_FOR_EMAIL, who + " is not issued for email protection");
        }
        Verdict trust = chainsToTrustedCa(certificate, now);
        if (!trust.valid()) {
            return trust;
        }
        return revocation(certificate);
    }

    private Verdict chainsToTrustedCa(X509Certificate certificate, Instant now) {
        Set<TrustAnchor> anchors = new HashSet<>();
        trusted.get().forEach(ca -> anchors.add(new TrustAnchor(ca, null)));
        String issuer = Certificates.issuerName(certificate);
        if (anchors.isEmpty()) {
            return new Verdict(Problem.UNTRUSTED, "issued by " + issuer + ", but this client trusts no CA at all");
        }
        try {
            CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate));
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false); // checked below against the issuer's CRL, with a clearer answer
            parameters.setDate(Date.from(now));
            CertPathValidator.getInstance("PKIX").validate(path, parameters);
            return new Verdict(Problem.NONE, "issued by " + issuer + ", a trusted CA");
        } catch (CertPathValidatorException e) {
            return new Verdict(Problem.UNTRUSTED, "issued by " + issuer + ", which is not among the CAs this client trusts");
        } catch (GeneralSecurityException e) {
            return new Verdict(Problem.UNTRUSTED, "cannot check who issued it: " + e.getMessage());
        }
    }

    private Verdict revocation(X509Certificate certificate) {
        List<X509CRL> fromIssuer = new ArrayList<>();
        for (X509CRL crl : crls.get()) {
            if (crl.getIssuerX500Principal().equals(certificate.getIssuerX500Principal()) && signedByIssuer(crl)) {
                fromIssuer.add(crl);
            }
        }
        if (fromIssuer.isEmpty()) {
            return new Verdict(Problem.NO_REVOCATION_STATUS,
                    "no CRL from " + Certificates.issuerName(certificate) + " is available, so revocation cannot be checked");
        }
        for (X509CRL crl : fromIssuer) {
            X509CRLEntry entry = crl.getRevokedCertificate(certificate);
            if (entry != null) {
                String reason = entry.getRevocationReason() == null ? "" : " (" + entry.getRevocationReason().name().toLowerCase() + ")";
                return new Verdict(Problem.REVOKED, Certificates.commonName(certificate) + "'s certificate was revoked on "
                        + day(entry.getRevocationDate()) + reason + " by " + Certificates.issuerName(certificate));
            }
        }
        return new Verdict(Problem.NONE, "issued by " + Certificates.issuerName(certificate)
                + ", a trusted CA, and not revoked");
    }

    private boolean signedByIssuer(X509CRL crl) {
        for (X509Certificate ca : trusted.get()) {
            if (ca.getSubjectX500Principal().equals(crl.getIssuerX500Principal())) {
                try {
                    crl.verify(ca.getPublicKey());
                    return true;
                } catch (GeneralSecurityException forged) {
                    // a CRL that claims the issuer's name but not its signature is ignored
                }
            }
        }
        return false;
    }

    private static boolean forEmail(X509Certificate certificate) {
        try {
            List<String> usages = certificate.getExtendedKeyUsage();
            boolean purpose = usages == null || usages.contains(EMAIL_PROTECTION) || usages.contains(ANY_EXTENDED_KEY_USAGE);
            return purpose && !Certificates.email(certificate).isEmpty();
        } catch (java.security.cert.CertificateParsingException e) {
            return false;
        }
    }

    private static String day(Date date) {
        return date.toInstant().toString().substring(0, 10);
    }
}
