package org.envelopelab.pki;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
