package org.envelopelab.pki;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Whether a certificate may serve in an S/MIME role at a moment, judged from the certificate alone:
 * it is a person's (not a CA's), within its validity period, for email (an address, and an extended
 * key usage that allows email protection when it has one), and its key usage allows the role. This
 * is what {@code lab smime} can check without being told which CA to trust; {@link
 * CertificateValidator} adds the chain and revocation.
 */
public final class CertificateUse {

    private static final String EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";
    private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";
    /** The purposes people meet on certificates, by name; others are shown as their OID. */
    private static final Map<String, String> PURPOSES = Map.of(
            "1.3.6.1.5.5.7.3.1", "server authentication",
            "1.3.6.1.5.5.7.3.2", "client authentication",
            "1.3.6.1.5.5.7.3.3", "code signing",
            "1.3.6.1.5.5.7.3.8", "time stamping",
            "1.3.6.1.5.5.7.3.9", "OCSP signing");

    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;
    private static final int KEY_ENCIPHERMENT = 2;
    private static final int KEY_AGREEMENT = 4;

    private CertificateUse() {
    }

    /** The verdict on the certificate alone: NONE, CA_CERTIFICATE, EXPIRED, NOT_YET_VALID, NOT_FOR_EMAIL or WRONG_KEY_USAGE. */
    public static CertificateValidator.Verdict check(X509Certificate certificate, SmimeRole role, Instant at) {
        String whose = Certificates.commonName(certificate) + "'s certificate";
        if (certificate.getBasicConstraints() >= 0) {
            return refused(CertificateValidator.Problem.CA_CERTIFICATE, whose
                    + " belongs to a certificate authority: it vouches for other people's certificates and is nobody's own");
        }
        if (at.isAfter(certificate.getNotAfter().toInstant())) {
            return refused(CertificateValidator.Problem.EXPIRED, whose + " expired on " + day(certificate.getNotAfter()));
        }
        if (at.isBefore(certificate.getNotBefore().toInstant())) {
            return refused(CertificateValidator.Problem.NOT_YET_VALID, whose + " is not valid before " + day(certificate.getNotBefore()));
        }
        String purpose = purposeProblem(certificate);
        if (!purpose.isEmpty()) {
            return refused(CertificateValidator.Problem.NOT_FOR_EMAIL, whose + " is not for email: " + purpose);
        }
        String usage = keyUsageProblem(certificate, role);
        if (!usage.isEmpty()) {
            return refused(CertificateValidator.Problem.WRONG_KEY_USAGE, whose + " does not allow "
                    + (role == SmimeRole.RECIPIENT ? "encrypting to it" : "signing") + ": its key usage lacks " + usage);
        }
        return new CertificateValidator.Verdict(CertificateValidator.Problem.NONE, "fit to " + (role == SmimeRole.RECIPIENT
                ? "encrypt to" : "sign with"));
    }

    private static String purposeProblem(X509Certificate certificate) {
        List<String> purposes;
        try {
            purposes = certificate.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            return "its extended key usage cannot be read";
        }
        if (purposes != null && !purposes.contains(EMAIL_PROTECTION) && !purposes.contains(ANY_EXTENDED_KEY_USAGE)) {
            return "its extended key usage allows " + purposes.stream().map(oid -> PURPOSES.getOrDefault(oid, oid))
                    .collect(Collectors.joining(", ")) + ", not email protection";
        }
        if (Certificates.email(certificate).isEmpty()) {
            return "it names no email address";
        }
        return "";
    }

    /** The key usage the role needs and the certificate lacks; empty when it has no keyUsage (any use) or has it. */
    private static String keyUsageProblem(X509Certificate certificate, SmimeRole role) {
        boolean[] usage = certificate.getKeyUsage();
        if (usage == null) {
            return "";
        }
        if (role == SmimeRole.SIGNER) {
            return allows(usage, DIGITAL_SIGNATURE) || allows(usage, NON_REPUDIATION) ? "" : "digitalSignature and nonRepudiation";
        }
        return switch (certificate.getPublicKey().getAlgorithm()) {
            case "RSA" -> allows(usage, KEY_ENCIPHERMENT) ? "" : "keyEncipherment";
            case "EC" -> allows(usage, KEY_AGREEMENT) ? "" : "keyAgreement";
            default -> ""; // encrypting to other key types is refused when the RecipientInfo is made
        };
    }

    private static boolean allows(boolean[] usage, int bit) {
        return usage.length > bit && usage[bit];
    }

    private static CertificateValidator.Verdict refused(CertificateValidator.Problem problem, String explanation) {
        return new CertificateValidator.Verdict(problem, explanation);
    }

    static String day(Date date) {
        return date.toInstant().toString().substring(0, 10);
    }
}
