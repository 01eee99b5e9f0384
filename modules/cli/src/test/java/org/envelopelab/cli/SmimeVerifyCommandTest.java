package org.envelopelab.cli;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.envelopelab.pki.Credential;
import org.envelopelab.smime.SignatureForm;
import org.envelopelab.smime.Smime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lab smime verify}: exit 0 means the signature matches and someone the user trusts vouched for the signer. */
class SmimeVerifyCommandTest {

    static final String NOTE = String.join("\r\n",
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

    private Terminal terminal;
    private String pki;
    private String signed;

    @BeforeEach
    void aliceSigns() throws Exception {
        terminal = new Terminal(dir);
        pki = terminal.path("lab-pki");
        terminal.write("note.eml", NOTE);
        assertThat(terminal.lab("pki", "issue", "alice@contoso.example", "--name", "Alice Adams", "--dir", pki)).isZero();
        signed = terminal.path("signed.eml");
        assertThat(terminal.lab("smime", "sign", terminal.path("note.eml"), "-o", signed,
                "--key", pki + "/alice@contoso.example.p12")).as(terminal.err()).isZero();
    }

    @Test
    void withoutACaTheSignatureMatchesButNobodyVouchedForTheSigner() {
        assertThat(terminal.lab("smime", "verify", signed)).isEqualTo(4);
        assertThat(terminal.out()).contains("signature: matches the content (SHA-256)",
                "chain:     not checked: nobody vouched for the signer (give --ca with the CA you trust)");
    }

    @Test
    void aSelfSignedCertificateThatClaimsAnAddressIsNotTrusted() throws Exception {
        terminal.openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "mallory.key", "-out", "mallory.pem",
                "-subj", "/CN=Alice Adams", "-days", "30", "-addext", "subjectAltName=email:alice@contoso.example",
                "-addext", "basicConstraints=critical,CA:FALSE");
        terminal.openssl("cms", "-sign", "-in", "note.eml", "-signer", "mallory.pem", "-inkey", "mallory.key", "-from", "alice@contoso.example", "-out", "forged.eml");

        assertThat(terminal.lab("smime", "verify", terminal.path("forged.eml"))).isEqualTo(4);
        assertThat(terminal.out()).contains("signature: matches", "(matches the certificate)", "not checked: nobody vouched");
        assertThat(terminal.lab("smime", "verify", terminal.path("forged.eml"), "--ca", pki + "/ca.pem")).isEqualTo(1);
        assertThat(terminal.out()).contains("chain:     BAD: issued by Alice Adams, which is not among the CAs");
    }

    @Test
    void withACaButNoCrlRevocationIsAWarningUnlessRequired() {
        assertThat(terminal.lab("smime", "verify", signed, "--ca", pki + "/ca.pem")).isZero();
        assertThat(terminal.out()).contains("chain:     good: issued by Envelope Lab Test CA, a trusted CA",
                "warning:   revocation not checked: no CRL from Envelope Lab Test CA was given");

        assertThat(terminal.lab("smime", "verify", signed, "--ca", pki + "/ca.pem", "--require-crl")).isEqualTo(1);
        assertThat(terminal.out()).contains("chain:     BAD: no CRL from Envelope Lab Test CA is available");

        assertThat(terminal.lab("smime", "verify", signed, "--ca", pki + "/ca.pem", "--crl", pki + "/ca.crl.pem", "--require-crl"))
                .isZero();
        assertThat(terminal.out()).contains("a trusted CA, and not revoked").doesNotContain("warning");
    }

    @Test
    void anExpiredSignersSignatureMatchesButTheCertificateExpired() throws Exception {
        OtherCa other = new OtherCa(dir);
        Credential olga = other.issue("olga", "alice@contoso.example", -400, -35);
        MimeMessage note = new MimeMessage(Session.getInstance(new Properties()), Files.newInputStream(dir.resolve("note.eml")));
        try (OutputStream out = Files.newOutputStream(dir.resolve("expired.eml"))) {
            Smime.sign(note, olga, SignatureForm.CLEAR).writeTo(out);
        }

        assertThat(terminal.lab("smime", "verify", terminal.path("expired.eml"), "--ca", terminal.path("other-ca.pem"))).isEqualTo(1);
        assertThat(terminal.out()).contains("signature: matches the content", "chain:     BAD: olga's certificate expired on")
                .doesNotContain("INVALID");
        assertThat(terminal.lab("smime", "verify", terminal.path("expired.eml"))).isEqualTo(1);
        assertThat(terminal.out()).contains("certificate expired on");
    }

    @Test
    void aCrlWithoutTheCaItComesFromIsBadUsage() {
        assertThat(terminal.lab("smime", "verify", signed, "--crl", pki + "/ca.crl.pem")).isEqualTo(2);
        terminal.assertOnePlainSentence();
        assertThat(terminal.err()).contains("--crl needs --ca");
    }

    @Test
    void aCaFileThatHoldsNoCertificateIsBadUsageBeforeAnyVerdict() {
        assertThat(terminal.lab("smime", "verify", signed, "--ca", pki + "/ca.p12")).isEqualTo(2);
        terminal.assertOnePlainSentence();
        assertThat(terminal.err()).isEqualTo("lab: " + pki + "/ca.p12 holds no PEM certificate\n");
        assertThat(terminal.out()).isEmpty();
    }

    @Test
    void theHelpSaysEveryExitCode() {
        assertThat(terminal.lab("smime", "verify", "--help")).isZero();
        assertThat(terminal.out()).contains("Exit codes:", "0 verified", "1 not verified", "2 bad usage", "3 the lab itself failed",
                "4 the signature matches, but nobody vouched");
    }
    /** The signed message with its outer From (outside the clear signature) replaced by these bytes. */
    private String withFrom(String name, byte[] from) throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of(signed));
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int start = text.indexOf("From: ") + "From: ".length();
        int end = text.indexOf("\r\n", start);
        java.io.ByteArrayOutputStream changed = new java.io.ByteArrayOutputStream();
        changed.write(bytes, 0, start);
        changed.write(from);
        changed.write(bytes, end, bytes.length - end);
        return Files.write(dir.resolve(name), changed.toByteArray()).toString();
    }

    @Test
    void aFromThatCannotBeReadIsAFindingNotACrash() throws Exception {
        java.util.Map<String, byte[]> froms = new java.util.LinkedHashMap<>();
        froms.put("empty", new byte[0]);
        froms.put("brackets", "<<<>>>@@".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        froms.put("non-ascii", "alice@contöso.example".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        froms.put("nul", "alice@contoso.example\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        for (var from : froms.entrySet()) {
            assertThat(terminal.lab("smime", "verify", withFrom(from.getKey() + ".eml", from.getValue()), "--ca", pki + "/ca.pem"))
                    .as(from.getKey() + ": " + terminal.err()).isEqualTo(1);
            assertThat(terminal.out()).as(from.getKey()).contains("signature: matches the content",
                    "(does NOT match the certificate)");
            assertThat(terminal.out().lines().filter(line -> line.startsWith("from:"))).as(from.getKey()).hasSize(1);
        }
    }

    @Test
    void everyFromAddressMustBeTheSigners() throws Exception {
        String two = withFrom("two.eml", "alice@contoso.example, eve@evil.example".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(terminal.lab("smime", "verify", two, "--ca", pki + "/ca.pem")).isEqualTo(1);
        assertThat(terminal.out()).contains("from:      alice@contoso.example, eve@evil.example (does NOT match the"
                + " certificate: eve@evil.example is not its address)");

        String same = withFrom("same.eml", "Alice <alice@contoso.example>, ALICE@contoso.example".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(terminal.lab("smime", "verify", same, "--ca", pki + "/ca.pem")).isZero();
        assertThat(terminal.out()).contains("(each matches the certificate)");
    }
}
