package org.envelopelab.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lab smime encrypt} refuses certificates nobody should encrypt to, and leaves no output behind when it fails. */
class SmimeEncryptCommandTest {

    @TempDir
    Path dir;

    private Terminal terminal;
    private String pki;
    private String note;
    private String out;

    @BeforeEach
    void labPki() throws Exception {
        terminal = new Terminal(dir);
        pki = terminal.path("lab-pki");
        note = terminal.write("note.eml", SmimeVerifyCommandTest.NOTE).toString();
        out = terminal.path("out.eml");
        assertThat(terminal.lab("pki", "issue", "bob@fabrikam.example", "--name", "Bob Baker", "--dir", pki)).isZero();
    }

    private void assertRefused(String... sentence) {
        assertThat(terminal.err()).contains(sentence);
        terminal.assertOnePlainSentence();
        assertThat(dir.resolve("out.eml")).as("no output file is left behind").doesNotExist();
    }

    @Test
    void anExpiredCertificateIsRefused() throws Exception {
        new OtherCa(dir).issue("olga", "olga@fabrikam.example", -400, -35);
        assertThat(terminal.lab("smime", "encrypt", note, "-o", out, "--to", terminal.path("olga.cert.pem"))).isEqualTo(2);
        assertRefused("lab: cannot encrypt for olga@fabrikam.example: olga's certificate expired on");
    }

    @Test
    void aCertificateNotValidYetIsRefused() throws Exception {
        new OtherCa(dir).issue("nina", "nina@fabrikam.example", 3, 300);
        assertThat(terminal.lab("smime", "encrypt", note, "-o", out, "--to", terminal.path("nina.cert.pem"))).isEqualTo(2);
        assertRefused("cannot encrypt for nina@fabrikam.example: nina's certificate is not valid before");
    }

    @Test
    void aCaCertificateIsRefused() {
        assertThat(terminal.lab("smime", "encrypt", note, "-o", out, "--to", pki + "/ca.pem")).isEqualTo(2);
        assertRefused("Envelope Lab Test CA's certificate belongs to a certificate authority");
    }

    @Test
    void aCertificateWithoutEmailProtectionIsRefused() throws Exception {
        terminal.openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "web.key", "-out", "web.pem",
                "-subj", "/CN=www.fabrikam.example", "-days", "30", "-addext", "subjectAltName=email:bob@fabrikam.example",
                "-addext", "basicConstraints=critical,CA:FALSE", "-addext", "extendedKeyUsage=serverAuth");
        assertThat(terminal.lab("smime", "encrypt", note, "-o", out, "--to", terminal.path("web.pem"))).isEqualTo(2);
        assertRefused("www.fabrikam.example's certificate is not for email: its extended key usage allows server authentication");
    }

    @Test
    void aCertificateWhoseKeyMayOnlySignIsRefused() throws Exception {
        terminal.openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "signer.key", "-out", "signer.pem",
                "-subj", "/CN=Bob Baker", "-days", "30", "-addext", "subjectAltName=email:bob@fabrikam.example",
                "-addext", "basicConstraints=critical,CA:FALSE", "-addext", "keyUsage=critical,digitalSignature");
        assertThat(terminal.lab("smime", "encrypt", note, "-o", out, "--to", terminal.path("signer.pem"))).isEqualTo(2);
        assertRefused("Bob Baker's certificate does not allow encrypting to it: its key usage lacks keyEncipherment");
    }

    @Test
    void aRevokedCertificateIsRefusedWhenTheCrlIsGiven() {
        assertThat(terminal.lab("pki", "revoke", "bob@fabrikam.example", "--reason", "key-compromise", "--dir", pki)).isZero();
        String bob = pki + "/bob@fabrikam.example.cert.pem";

        assertThat(terminal.lab("smime", "encrypt", note, "-o", out, "--to", bob, "--ca", pki + "/ca.pem", "--crl", pki + "/ca.crl.pem"))
                .isEqualTo(2);
        assertRefused("cannot encrypt for bob@fabrikam.example: Bob Baker's certificate was revoked on", "(key-compromise)");

        assertThat(terminal.lab("smime", "encrypt", note, "-o", out, "--to", bob, "--ca", pki + "/ca.pem")).isZero();
        assertThat(terminal.err()).contains("warning: bob@fabrikam.example: revocation not checked: no CRL from Envelope Lab Test CA was given");
    }

    @Test
    void aCertificateFromACaNotTrustedIsRefusedWhenCasAreGiven() throws Exception {
        new OtherCa(dir).issue("carl", "carl@fabrikam.example", -1, 300);
        assertThat(terminal.lab("smime", "encrypt", note, "-o", out, "--to", terminal.path("carl.cert.pem"),
                "--ca", pki + "/ca.pem", "--crl", pki + "/ca.crl.pem")).isEqualTo(2);
        assertRefused("issued by Other Root CA, which is not among the CAs this client trusts");
    }

    @Test
    void aFileThatIsNotAMessageLeavesNoOutputFile() throws Exception {
        String notAMessage = terminal.write("notes.txt", "just some notes\nwithout any header\n").toString();
        assertThat(terminal.lab("smime", "encrypt", notAMessage, "-o", out, "--to", pki + "/bob@fabrikam.example.cert.pem"))
                .isEqualTo(2);
        assertRefused("is not a message");
    }

    @Test
    void anOutputFolderThatDoesNotExistIsBadUsage() {
        assertThat(terminal.lab("smime", "encrypt", note, "-o", terminal.path("missing/out.eml"),
                "--to", pki + "/bob@fabrikam.example.cert.pem")).isEqualTo(2);
        terminal.assertOnePlainSentence();
        assertThat(terminal.err()).contains("cannot write");
    }
}
