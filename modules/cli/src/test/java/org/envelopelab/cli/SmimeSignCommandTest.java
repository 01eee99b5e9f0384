package org.envelopelab.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lab smime sign} signs only with a key that belongs to a certificate fit to sign with. */
class SmimeSignCommandTest {

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
        out = terminal.path("signed.eml");
        assertThat(terminal.lab("pki", "issue", "alice@contoso.example", "--name", "Alice Adams", "--dir", pki)).isZero();
        assertThat(terminal.lab("pki", "issue", "bob@fabrikam.example", "--name", "Bob Baker", "--key", "ec-p256", "--dir", pki)).isZero();
    }

    @Test
    void aKeyThatDoesNotBelongToTheCertificateIsRefused() {
        assertThat(terminal.lab("smime", "sign", note, "-o", out, "--key", pki + "/bob@fabrikam.example.key.pem",
                "--cert", pki + "/alice@contoso.example.cert.pem")).isEqualTo(2);
        terminal.assertOnePlainSentence();
        assertThat(terminal.err()).contains("the private key in " + pki + "/bob@fabrikam.example.key.pem does not belong to the certificate",
                "Alice Adams <alice@contoso.example>");
        assertThat(dir.resolve("signed.eml")).doesNotExist();
    }

    @Test
    void anExpiredCertificateIsRefused() throws Exception {
        new OtherCa(dir).issue("olga", "olga@contoso.example", -400, -35);
        assertThat(terminal.lab("smime", "sign", note, "-o", out, "--key", terminal.path("olga.key.pem"),
                "--cert", terminal.path("olga.cert.pem"), "--password", "")).isEqualTo(2);
        terminal.assertOnePlainSentence();
        assertThat(terminal.err()).contains("cannot sign: olga's certificate expired on");
        assertThat(dir.resolve("signed.eml")).doesNotExist();
    }

    @Test
    void aRevokedCertificateIsRefusedWhenTheCrlIsGiven() {
        assertThat(terminal.lab("pki", "revoke", "alice@contoso.example", "--reason", "key-compromise", "--dir", pki)).isZero();
        assertThat(terminal.lab("smime", "sign", note, "-o", out, "--key", pki + "/alice@contoso.example.p12",
                "--ca", pki + "/ca.pem", "--crl", pki + "/ca.crl.pem")).isEqualTo(2);
        terminal.assertOnePlainSentence();
        assertThat(terminal.err()).contains("cannot sign: Alice Adams's certificate was revoked on");
    }

    @Test
    void aClearSignedEightBitMessageTravelsAsSevenBit() throws Exception {
        String cafe = terminal.write("cafe.eml", SmimeVerifyCommandTest.NOTE.replace("The settlement", "Café: the settlement")
                .replace("charset=UTF-8", "charset=UTF-8\r\nContent-Transfer-Encoding: 8bit")).toString();
        assertThat(terminal.lab("smime", "sign", cafe, "-o", out, "--key", pki + "/alice@contoso.example.p12")).isZero();

        byte[] signed = Files.readAllBytes(dir.resolve("signed.eml"));
        for (byte b : signed) {
            assertThat(b).as("every byte is 7-bit").isBetween((byte) 1, (byte) 127);
        }
        assertThat(new String(signed)).doesNotContainIgnoringCase("Content-Transfer-Encoding: 8bit");
        assertThat(terminal.openssl("cms", "-verify", "-in", "signed.eml", "-CAfile", pki + "/ca.pem", "-out", "content.eml"))
                .contains("Verification successful");
        assertThat(terminal.lab("smime", "verify", out, "--ca", pki + "/ca.pem")).isZero();
    }
}
