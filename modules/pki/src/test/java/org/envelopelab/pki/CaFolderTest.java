package org.envelopelab.pki;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaFolderTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

    @Test
    void aCaInAFolderIssuesAndRevokesAcrossRuns(@TempDir Path dir) throws Exception {
        CaFolder first = CaFolder.open(dir, "Lab Test CA", clock);
        Credential bob = first.issue("bob@fabrikam.example", "Bob Baker", KeyType.EC_P256, Duration.ofDays(365),
                "pw".toCharArray());

        assertThat(dir.resolve("ca.pem")).exists();
        assertThat(dir.resolve("bob@fabrikam.example.p12")).exists();
        assertThat(Files.readString(dir.resolve("bob@fabrikam.example.key.pem"))).contains("ENCRYPTED PRIVATE KEY");

        CaFolder again = CaFolder.open(dir, "ignored when the CA exists", clock);
        assertThat(again.authority().certificate()).isEqualTo(first.authority().certificate());
        Credential carol = again.issue("carol@gmail.example", "Carol Chen", KeyType.RSA_2048, Duration.ofDays(30),
                "pw".toCharArray());
        assertThat(carol.certificate().getSerialNumber()).isGreaterThan(bob.certificate().getSerialNumber());
        assertThat(again.credential("bob@fabrikam.example", "pw".toCharArray()).privateKey()).isEqualTo(bob.privateKey());
        assertThat(again.people()).containsExactly("bob@fabrikam.example", "carol@gmail.example");

        again.revoke("bob@fabrikam.example", CertificateAuthority.RevocationReason.KEY_COMPROMISE);
        CaFolder third = CaFolder.open(dir, "x", clock);
        assertThat(third.authority().isRevoked(bob.certificate())).isTrue();
        assertThat(CertificateAuthorityTest.openssl(dir, "crl", "-in", "ca.crl.pem", "-noout", "-text"))
                .contains("Serial Number: 02", "Key Compromise");
        assertThatThrownBy(() -> third.certificate("nobody@x.example"))
                .hasMessageContaining("no cert.pem for nobody@x.example")
                .hasMessageContaining("issued so far: bob@fabrikam.example, carol@gmail.example");
    }

    @Test
    void filesWithPrivateKeysAreReadableByTheirOwnerOnly(@TempDir Path dir) throws Exception {
        CaFolder ca = CaFolder.open(dir, "Lab Test CA", clock);
        ca.issue("bob@fabrikam.example", "Bob Baker", KeyType.EC_P256, Duration.ofDays(365), "pw".toCharArray());
        ca.issue("bob@fabrikam.example", "Bob Baker", KeyType.RSA_2048, Duration.ofDays(365), "pw".toCharArray());

        for (String secret : new String[] {"ca.p12", "bob@fabrikam.example.p12", "bob@fabrikam.example.key.pem"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(secret)))).as(secret).isEqualTo("rw-------");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("bob@fabrikam.example.cert.pem"))))
                .as("a certificate is public").startsWith("rw-r");
    }

    @Test
    void revokingAgainKeepsTheFirstRevocation(@TempDir Path dir) throws Exception {
        CaFolder ca = CaFolder.open(dir, "Lab Test CA", clock);
        ca.issue("bob@fabrikam.example", "Bob Baker", KeyType.EC_P256, Duration.ofDays(365), "pw".toCharArray());
        assertThat(ca.has("bob@fabrikam.example")).isTrue();
        assertThat(ca.has("carol@fabrikam.example")).isFalse();

        CertificateAuthority.Revocation first = ca.revoke("bob@fabrikam.example", CertificateAuthority.RevocationReason.KEY_COMPROMISE);
        CertificateAuthority.Revocation second = ca.revoke("bob@fabrikam.example", CertificateAuthority.RevocationReason.UNSPECIFIED);

        assertThat(first.reason()).isEqualTo(CertificateAuthority.RevocationReason.KEY_COMPROMISE);
        assertThat(second).isEqualTo(first);
        assertThat(CertificateAuthorityTest.openssl(dir, "crl", "-in", "ca.crl.pem", "-noout", "-text")).contains("Key Compromise");
    }
}
