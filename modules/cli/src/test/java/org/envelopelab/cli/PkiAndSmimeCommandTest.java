package org.envelopelab.cli;

import org.envelopelab.testkit.OpenSsl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lab pki} and {@code lab smime} on files, checked against {@code openssl cms} in both
 * directions — what an engineer does to trust the lab.
 */
class PkiAndSmimeCommandTest {

    private static final String NOTE = String.join("\r\n",
            "From: alice@contoso.example",
            "To: bob@fabrikam.example",
            "Subject: Settlement figures",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "",
            "The settlement is USD 1,250,000, payable in two instalments.",
            "");

    @TempDir
    Path dir;

    private Path pki;
    private Path note;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void issueTwoCertificates() throws Exception {
        pki = dir.resolve("lab-pki");
        note = dir.resolve("note.eml");
        Files.writeString(note, NOTE);
        assertThat(lab("pki", "issue", "alice@contoso.example", "--name", "Alice Adams", "--dir", pki.toString())).isZero();
        assertThat(out.toString()).contains("Issued Alice Adams <alice@contoso.example>", "alice@contoso.example.p12");
        assertThat(lab("pki", "issue", "bob@fabrikam.example", "--name", "Bob Baker", "--key", "ec-p256",
                "--dir", pki.toString())).isZero();
    }

    private int lab(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine commandLine = Lab.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private Path file(String name) {
        return pki.resolve(name);
    }

    @Test
    void openSslDecryptsWhatTheLabEncrypts() throws Exception {
        Path encrypted = dir.resolve("encrypted.eml");
        assertThat(lab("smime", "encrypt", note.toString(), "-o", encrypted.toString(),
                "--to", file("bob@fabrikam.example.cert.pem").toString())).as(err.toString()).isZero();
        assertThat(Files.readString(encrypted)).contains("smime-type=authEnveloped-data").doesNotContain("USD 1,250,000");

        String decrypted = openssl("cms", "-decrypt", "-in", encrypted.toString(),
                "-inkey", file("bob@fabrikam.example.key.pem").toString(), "-passin", "pass:envelope-lab");
        assertThat(decrypted).contains("The settlement is USD 1,250,000");
    }

    @Test
    void theLabDecryptsWhatOpenSslEncrypts() throws Exception {
        Path encrypted = dir.resolve("from-openssl.eml");
        openssl("cms", "-encrypt", "-aes-256-gcm", "-in", note.toString(), "-out", encrypted.toString(),
                "-recip", file("alice@contoso.example.cert.pem").toString(),
                "-keyopt", "rsa_padding_mode:oaep", "-keyopt", "rsa_oaep_md:sha256", "-keyopt", "rsa_mgf1_md:sha256");
        Path decrypted = dir.resolve("decrypted.eml");

        assertThat(lab("smime", "decrypt", encrypted.toString(), "-o", decrypted.toString(),
                "--key", file("alice@contoso.example.p12").toString())).as(err.toString()).isZero();
        assertThat(Files.readString(decrypted)).contains("The settlement is USD 1,250,000");
    }

    @Test
    void aSignatureVerifiesUntilTheCertificateIsRevoked() throws Exception {
        Path signed = dir.resolve("signed.eml");
        assertThat(lab("smime", "sign", note.toString(), "-o", signed.toString(),
                "--key", file("alice@contoso.example.p12").toString())).as(err.toString()).isZero();
        assertThat(openssl("cms", "-verify", "-in", signed.toString(), "-CAfile", file("ca.pem").toString(),
                "-out", dir.resolve("content.txt").toString())).contains("Verification successful");

        assertThat(lab("smime", "verify", signed.toString(), "--ca", file("ca.pem").toString(),
                "--crl", file("ca.crl.pem").toString())).isZero();
        assertThat(out.toString()).contains("signature: matches the content", "(matches the certificate)", "chain:     good");

        assertThat(lab("pki", "revoke", "alice@contoso.example", "--reason", "key-compromise", "--dir", pki.toString())).isZero();
        assertThat(lab("smime", "verify", signed.toString(), "--ca", file("ca.pem").toString(),
                "--crl", file("ca.crl.pem").toString())).isEqualTo(1);
        assertThat(out.toString()).contains("chain:     BAD: Alice Adams's certificate was revoked on");
    }

    @Test
    void aChangedCiphertextIsRefusedAndNothingIsWritten() throws Exception {
        Path encrypted = dir.resolve("encrypted.eml");
        lab("smime", "encrypt", note.toString(), "-o", encrypted.toString(), "--to", file("alice@contoso.example.cert.pem").toString());
        String text = Files.readString(encrypted);
        int body = text.indexOf("\r\n\r\n") + 200;
        char flipped = text.charAt(body) == 'A' ? 'B' : 'A';
        Files.writeString(encrypted, text.substring(0, body) + flipped + text.substring(body + 1));
        Path decrypted = dir.resolve("decrypted.eml");

        assertThat(lab("smime", "decrypt", encrypted.toString(), "-o", decrypted.toString(),
                "--key", file("alice@contoso.example.p12").toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("lab: ").doesNotContain("Exception");
        assertThat(decrypted).doesNotExist();
    }

    @Test
    void exportAndWrongPasswordsAndMissingPeople() throws Exception {
        assertThat(lab("pki", "export", "bob@fabrikam.example", "--format", "chain", "--dir", pki.toString())).isZero();
        assertThat(out.toString()).contains("-----BEGIN CERTIFICATE-----").containsPattern("(?s)CERTIFICATE.*CERTIFICATE.*CERTIFICATE");

        Path p12 = dir.resolve("bob-again.p12");
        assertThat(lab("pki", "export", "bob@fabrikam.example", "--format", "p12", "--new-password", "s3cret",
                "-o", p12.toString(), "--dir", pki.toString())).isZero();
        assertThat(openssl("pkcs12", "-in", p12.toString(), "-passin", "pass:s3cret", "-nokeys")).contains("BEGIN CERTIFICATE");

        assertThat(lab("smime", "decrypt", note.toString(), "--key", p12.toString(), "--password", "wrong")).isEqualTo(2);
        assertThat(err.toString()).startsWith("lab: cannot read ").contains("wrong password?");

        assertThat(lab("pki", "revoke", "nobody@contoso.example", "--dir", pki.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no certificate for nobody@contoso.example");

        assertThat(lab("pki", "issue", "not-an-address", "--dir", pki.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("'not-an-address' is not an email address");
    }

    @Test
    void theEfailLessonShowsCbcMalleableAndGcmRefusing() {
        assertThat(lab("smime", "efail")).isZero();
        assertThat(out.toString()).contains("decrypts it without any error", "the authentication tag does not match");
    }

    private String openssl(String... args) throws Exception {
        OpenSsl.Run run = new OpenSsl(dir).run(args);
        if (args[0].equals("cms") && args[1].equals("-decrypt")) {
            return run.output();
        }
        if (args[0].equals("cms") && args[1].equals("-verify")) {
            return run.output();
        }
        assertThat(run.exitCode()).as(run.output()).isZero();
        return run.output();
    }
}
