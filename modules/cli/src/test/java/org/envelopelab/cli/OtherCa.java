package org.envelopelab.cli;

import org.envelopelab.pki.CertificateAuthority;
import org.envelopelab.pki.Credential;
import org.envelopelab.pki.KeyType;
import org.envelopelab.pki.Pem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A CA outside {@code lab pki}, started two years ago, for certificates that {@code lab pki issue}
 * does not make: expired ones and ones not valid yet. Writes PEM files as another CA would hand them out.
 */
final class OtherCa {

    private final Path dir;
    final CertificateAuthority ca;

    OtherCa(Path dir) throws Exception {
        this.dir = dir;
        Instant started = Instant.now().minus(Duration.ofDays(730));
        this.ca = CertificateAuthority.create("Other Root CA", "Other", Clock.fixed(started, ZoneOffset.UTC), new SecureRandom());
        Files.writeString(dir.resolve("other-ca.pem"), Pem.write(ca.certificate()));
        Files.writeString(dir.resolve("other-ca.crl.pem"), Pem.write(ca.crl()));
    }

    /** A person's certificate valid from {@code from} to {@code to} days from now (negative: in the past), as name.cert.pem and name.key.pem. */
    Credential issue(String name, String email, int from, int to) throws Exception {
        Instant now = Instant.now();
        Credential credential = ca.issue(email, name, KeyType.RSA_2048, now.plus(Duration.ofDays(from)), now.plus(Duration.ofDays(to)));
        Files.writeString(dir.resolve(name + ".cert.pem"), Pem.write(credential.certificate()));
        Files.writeString(dir.resolve(name + ".key.pem"), Pem.privateKey(credential.privateKey(), null));
        return credential;
    }
}
