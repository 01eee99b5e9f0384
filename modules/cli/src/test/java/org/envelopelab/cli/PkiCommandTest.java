package org.envelopelab.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lab pki}: what it refuses, and what it keeps from others' eyes. */
class PkiCommandTest {

    @TempDir
    Path dir;

    private Terminal terminal;
    private String pki;

    @BeforeEach
    void issueBob() {
        terminal = new Terminal(dir);
        pki = terminal.path("lab-pki");
        assertThat(terminal.lab("pki", "issue", "bob@fabrikam.example", "--key", "ec-p256", "--dir", pki)).isZero();
    }

    @Test
    void issuingAgainForAnAddressThatHasAKeyIsRefusedUnlessForced() throws Exception {
        Path key = Path.of(pki, "bob@fabrikam.example.key.pem");
        String first = Files.readString(key);

        assertThat(terminal.lab("pki", "issue", "Bob@Fabrikam.example", "--dir", pki)).isEqualTo(2);
        terminal.assertOnePlainSentence();
        assertThat(terminal.err()).contains("bob@fabrikam.example already has a key and certificate in " + pki, "--force");
        assertThat(Files.readString(key)).as("the key stays").isEqualTo(first);

        assertThat(terminal.lab("pki", "issue", "bob@fabrikam.example", "--force", "--dir", pki)).isZero();
        assertThat(terminal.out()).contains("Replaced the key and certificate of bob@fabrikam.example");
        assertThat(Files.readString(key)).isNotEqualTo(first);
    }

    @Test
    void revokingAgainSaysTheFirstRevocationStands() {
        assertThat(terminal.lab("pki", "revoke", "bob@fabrikam.example", "--reason", "key-compromise", "--dir", pki)).isZero();
        assertThat(terminal.out()).contains("(key-compromise)");

        assertThat(terminal.lab("pki", "revoke", "bob@fabrikam.example", "--dir", pki)).isEqualTo(2);
        terminal.assertOnePlainSentence();
        assertThat(terminal.err()).contains("was already revoked on", "(key-compromise)", "a revocation is not changed");
        assertThat(terminal.out()).doesNotContain("unspecified");

        assertThat(terminal.lab("pki", "revoke", "bob@fabrikam.example", "--reason", "key-compromise", "--dir", pki)).isZero();
        assertThat(terminal.out()).contains("was already revoked on", "(key-compromise)");
    }

    @Test
    void revokingSomeoneWithoutACertificateIsBadInput() {
        assertThat(terminal.lab("pki", "revoke", "nobody@contoso.example", "--dir", pki)).isEqualTo(2);
        terminal.assertOnePlainSentence();
        assertThat(terminal.err()).contains("no certificate for nobody@contoso.example", "issued so far: bob@fabrikam.example");
        assertThat(terminal.lab("pki", "export", "nobody@contoso.example", "--dir", pki)).isEqualTo(2);
        terminal.assertOnePlainSentence();
    }

    @Test
    void filesWithPrivateKeysAreReadableByTheirOwnerOnly() throws Exception {
        for (String secret : new String[] {"ca.p12", "bob@fabrikam.example.p12", "bob@fabrikam.example.key.pem"}) {
            assertThat(permissions(Path.of(pki, secret))).as(secret).isEqualTo("rw-------");
        }
        assertThat(terminal.lab("pki", "export", "bob@fabrikam.example", "--format", "key", "-o", terminal.path("bob.key"),
                "--dir", pki)).isZero();
        assertThat(terminal.lab("pki", "export", "bob@fabrikam.example", "--format", "p12", "-o", terminal.path("bob.p12"),
                "--dir", pki)).isZero();
        assertThat(permissions(dir.resolve("bob.key"))).isEqualTo("rw-------");
        assertThat(permissions(dir.resolve("bob.p12"))).isEqualTo("rw-------");
    }

    private static String permissions(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
