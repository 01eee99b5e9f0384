package org.envelopelab.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lab smime decrypt}: plain sentences for the wrong key, and whole messages from OpenSSL. */
class SmimeDecryptCommandTest {

    @TempDir
    Path dir;

    private Terminal terminal;
    private String pki;
    private String note;

    @BeforeEach
    void labPki() throws Exception {
        terminal = new Terminal(dir);
        pki = terminal.path("lab-pki");
        note = terminal.write("note.eml", SmimeVerifyCommandTest.NOTE).toString();
        assertThat(terminal.lab("pki", "issue", "alice@contoso.example", "--name", "Alice Adams", "--dir", pki)).isZero();
        assertThat(terminal.lab("pki", "issue", "bob@fabrikam.example", "--name", "Bob Baker", "--key", "ec-p256", "--dir", pki)).isZero();
    }

    @Test
    void anEcKeyGivenWithAnRsaCertificateIsOnePlainSentence() {
        String encrypted = terminal.path("encrypted.eml");
        assertThat(terminal.lab("smime", "encrypt", note, "-o", encrypted, "--to", pki + "/alice@contoso.example.cert.pem")).isZero();

        assertThat(terminal.lab("smime", "decrypt", encrypted, "--key", pki + "/bob@fabrikam.example.key.pem",
                "--cert", pki + "/alice@contoso.example.cert.pem")).isEqualTo(2);
        terminal.assertOnePlainSentence();
        assertThat(terminal.err()).contains("does not belong to the certificate");
    }

    @Test
    void aWholeMessageEncryptedByOpenSslHasOneMimeVersion() throws Exception {
        terminal.openssl("cms", "-encrypt", "-aes-256-gcm", "-in", "note.eml", "-out", "from-openssl.eml",
                "-recip", pki + "/alice@contoso.example.cert.pem", "-from", "alice@contoso.example", "-subject", "Settlement figures",
                "-keyopt", "rsa_padding_mode:oaep", "-keyopt", "rsa_oaep_md:sha256", "-keyopt", "rsa_mgf1_md:sha256");
        String decrypted = terminal.path("decrypted.eml");

        assertThat(terminal.lab("smime", "decrypt", terminal.path("from-openssl.eml"), "-o", decrypted,
                "--key", pki + "/alice@contoso.example.p12")).as(terminal.err()).isZero();
        String text = Files.readString(Path.of(decrypted));
        assertThat(fields(text, "MIME-Version")).as(text).isEqualTo(1);
        assertThat(fields(text, "From")).as("From once: the protected one").isEqualTo(1);
        assertThat(fields(text, "Subject")).isEqualTo(1);
        assertThat(text).contains("The settlement is USD 1,250,000");
    }

    private static long fields(String message, String name) {
        String head = message.substring(0, message.indexOf("\r\n\r\n"));
        return head.lines().filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1)).count();
    }
}
