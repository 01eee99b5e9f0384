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
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Decides whether a certificate may be used for S/MIME with someone, and if not, says why in
 * words a student can act on: first what the certificate allows on its own ({@link
 * CertificateUse}: a person's, in its validity period, for email, with the right key usage), then
 * whether it chains to a CA this client trusts, then whether its issuer's current CRL revoked it.
 */
public final class CertificateValidator {

    /** What can be wrong with a certificate. */
    public enum Problem {
        NONE, EXPIRED, NOT_YET_VALID, NOT_FOR_EMAIL, CA_CERTIFICATE, WRONG_KEY_USAGE, REVOKED, UNTRUSTED, NO_REVOCATION_STATUS
    }

    /** Whether a certificate without a CRL from its issuer is refused (a mail client with CRLs to fetch) or accepted with a warning. */
    public enum RevocationStatus { REQUIRED, OPTIONAL }

    /**
     * The answer.
     *
     * @param problem     NONE when the certificate is good
     * @param explanation what is wrong, or what makes it good ("issued by Contoso Root CA, trusted")
     * @param warning     what was not checked although the certificate is accepted; empty when everything was
     */
    public record Verdict(Problem problem, String explanation, String warning) {

        public Verdict(Problem problem, String explanation) {
            this(problem, explanation, "");
        }

        public boolean valid() {
            return problem == Problem.NONE;
        }
    }

    private final Supplier<Collection<X509Certificate>> trusted;
    private final Supplier<Collection<X509CRL>> crls;
    private final Clock clock;
    private final RevocationStatus revocationStatus;

    /**
     * A validator that refuses a certificate whose revocation it cannot check.
     *
     * @param trusted the CAs this client trusts (read at each check, so trusting a CA later takes effect)
     * @param crls    the CRLs it can fetch (read at each check, so a revocation takes effect at once)
     * @param clock   the lab clock
     */
    public CertificateValidator(Supplier<Collection<X509Certificate>> trusted, Supplier<Collection<X509CRL>> crls,
                                Clock clock) {
        this(trusted, crls, clock, RevocationStatus.REQUIRED);
    }

    public CertificateValidator(Supplier<Collection<X509Certificate>> trusted, Supplier<Collection<X509CRL>> crls,
                                Clock clock, RevocationStatus revocationStatus) {
        this.trusted = trusted;
        this.crls = crls;
        this.clock = clock;
        this.revocationStatus = revocationStatus;
    }

    public Verdict check(X509Certificate certificate, SmimeRole role) {
        Instant now = clock.instant();
        Verdict use = CertificateUse.check(certificate, role, now);
        if (!use.valid()) {
            return use;
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
            String issuer = Certificates.issuerName(certificate);
            return revocationStatus == RevocationStatus.REQUIRED
                    ? new Verdict(Problem.NO_REVOCATION_STATUS, "no CRL from " + issuer + " is available, so revocation cannot be checked")
                    : new Verdict(Problem.NONE, "issued by " + issuer + ", a trusted CA",
                            "revocation not checked: no CRL from " + issuer + " was given");
        }
        for (X509CRL crl : fromIssuer) {
            X509CRLEntry entry = crl.getRevokedCertificate(certificate);
            if (entry != null) {
                String reason = entry.getRevocationReason() == null ? ""
                        : " (" + entry.getRevocationReason().name().toLowerCase(Locale.ROOT).replace('_', '-') + ")";
                return new Verdict(Problem.REVOKED, Certificates.commonName(certificate) + "'s certificate was revoked on "
                        + CertificateUse.day(entry.getRevocationDate()) + reason + " by " + Certificates.issuerName(certificate));
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
}
