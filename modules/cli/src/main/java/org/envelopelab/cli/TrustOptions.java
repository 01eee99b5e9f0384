package org.envelopelab.cli;

import org.envelopelab.pki.CertificateUse;
import org.envelopelab.pki.CertificateValidator;
import org.envelopelab.pki.Pem;
import org.envelopelab.pki.SmimeRole;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The CAs and CRLs a {@code lab smime} command judges certificates by. Without a CA it can only
 * judge a certificate on its own (a person's, in date, for email, with the right key usage); with
 * one it also checks the chain, and revocation against the CRLs given. A missing CRL is a warning,
 * as in {@code openssl cms}, unless {@code --require-crl} makes it an error.
 */
final class TrustOptions {

    @Option(names = "--ca", paramLabel = "CA.pem", description = "a CA certificate to trust; repeat for more")
    List<Path> cas = new ArrayList<>();

    @Option(names = "--crl", paramLabel = "CRL.pem", description = "a CRL to check revocation against; repeat for more (needs --ca)")
    List<Path> crls = new ArrayList<>();

    @Option(names = "--require-crl", description = "with --ca: a certificate whose CA gave no CRL is refused (default: a warning)")
    boolean requireCrl;

    private CertificateValidator validator;

    /** Whether a CA was given, so that the chain is checked. Reads the files first: a bad one is bad usage, before any output. */
    boolean chainChecked() {
        if (cas.isEmpty() && (!crls.isEmpty() || requireCrl)) {
            throw new BadInput((requireCrl ? "--require-crl" : "--crl") + " needs --ca: a CRL counts only when it is signed by a CA you trust");
        }
        if (validator == null && !cas.isEmpty()) {
            List<X509Certificate> trusted = KeyFiles.certificates(cas);
            List<X509CRL> revocations = revocations();
            validator = new CertificateValidator(() -> trusted, () -> revocations, Clock.systemUTC(),
                    requireCrl ? CertificateValidator.RevocationStatus.REQUIRED : CertificateValidator.RevocationStatus.OPTIONAL);
        }
        return !cas.isEmpty();
    }

    /** The verdict on a certificate in a role: on its own without --ca, else with chain and revocation. */
    CertificateValidator.Verdict check(X509Certificate certificate, SmimeRole role) {
        return chainChecked() ? validator.check(certificate, role) : CertificateUse.check(certificate, role, Clock.systemUTC().instant());
    }

    private List<X509CRL> revocations() {
        List<X509CRL> all = new ArrayList<>();
        for (Path file : crls) {
            try {
                List<X509CRL> found = Pem.crls(KeyFiles.text(file));
                if (found.isEmpty()) {
                    throw new BadInput(file + " holds no PEM CRL");
                }
                all.addAll(found);
            } catch (IOException e) {
                throw new BadInput("cannot read the CRL " + file + ": " + ExitCodes.reason(e));
            }
        }
        return all;
    }
}
