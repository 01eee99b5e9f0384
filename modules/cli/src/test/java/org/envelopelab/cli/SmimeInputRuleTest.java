package org.envelopelab.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One rule for a file that is not a message, in every smime command: exit 2 and one sentence,
 * before any work, and never a read that blocks (a pipe) or never ends (a device).
 */
class SmimeInputRuleTest {

    @TempDir
    Path dir;

    private Terminal terminal;
    private String pki;

    @BeforeEach
    void bobHasAKey() {
        terminal = new Terminal(dir);
        pki = terminal.path("lab-pki");
        assertThat(terminal.lab("pki", "issue", "bob@fabrikam.example", "--dir", pki)).isZero();
    }

    private List<List<String>> everyCommandOn(String input) {
        String key = pki + "/bob@fabrikam.example.p12";
        return List.of(
                List.of("smime", "sign", input, "--key", key, "-o", terminal.path("out.eml")),
                List.of("smime", "encrypt", input, "--to", pki + "/bob@fabrikam.example.cert.pem", "-o", terminal.path("out.eml")),
                List.of("smime", "decrypt", input, "--key", key, "-o", terminal.path("out.eml")),
                List.of("smime", "verify", input));
    }

    private void assertEveryCommandRefuses(String input, String sentence) {
        for (List<String> command : everyCommandOn(input)) {
            assertThat(terminal.lab(command.toArray(String[]::new))).as(command + ": " + terminal.err()).isEqualTo(2);
            terminal.assertOnePlainSentence();
            assertThat(terminal.err()).as(command.get(1)).contains(sentence);
            assertThat(Files.exists(dir.resolve("out.eml"))).isFalse();
        }
    }

    @Test
    void aFolderIsNotAMessage() {
        assertEveryCommandRefuses(dir.toString(), "it is a folder, not a message file");
    }

    @Test
    void aPipeIsRefusedBeforeItCanBlock() throws Exception {
        Path fifo = dir.resolve("pipe.eml");
        new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor();
        assertThat(fifo).exists();
        assertEveryCommandRefuses(fifo.toString(), "it is not a regular file (a pipe or a device)");
    }

    @Test
    void aDeviceThatNeverEndsIsRefused() {
        assertEveryCommandRefuses("/dev/zero", "it is not a regular file (a pipe or a device)");
    }

    @Test
    void binaryDataAndAnEmptyFileAreNotMessages() throws Exception {
        byte[] binary = new byte[4096];
        new java.util.Random(17).nextBytes(binary);
        binary[0] = (byte) 0x89;
        Files.write(dir.resolve("photo.png"), binary);
        assertEveryCommandRefuses(terminal.path("photo.png"), "is not a message: it does not begin with a header field");
        Files.write(dir.resolve("empty.eml"), new byte[0]);
        assertEveryCommandRefuses(terminal.path("empty.eml"), "is empty, not a message");
    }

    @Test
    void malformedSmimeDidNotPassInDecryptAndVerify() throws Exception {
        String garbled = terminal.write("garbled.eml", String.join("\r\n",
                "From: alice@contoso.example",
                "MIME-Version: 1.0",
                "Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m",
                "Content-Transfer-Encoding: base64",
                "",
                "MIAGCSqGSIb3DQEHA6CAMIACAQAxggE=",
                "")).toString();
        String key = pki + "/bob@fabrikam.example.p12";
        assertThat(terminal.lab("smime", "decrypt", garbled, "--key", key)).isEqualTo(1);
        terminal.assertOnePlainSentence();
        assertThat(terminal.lab("smime", "verify", garbled)).isEqualTo(1);
        assertThat(terminal.err()).doesNotContain("Exception", "java.");
    }

    @Test
    void keyFilesThatAreNotKeysAreNamedInWords() throws Exception {
        byte[] junk = new byte[500];
        new java.util.Random(3).nextBytes(junk);
        Files.write(dir.resolve("junk.p12"), junk);
        String message = terminal.write("note.eml", SmimeVerifyCommandTest.NOTE).toString();
        assertThat(terminal.lab("smime", "decrypt", message, "--key", terminal.path("junk.p12"))).isEqualTo(2);
        terminal.assertOnePlainSentence();
        assertThat(terminal.err()).contains("junk.p12: it is not a PKCS#12 file (.p12/.pfx), or it is damaged");

        assertThat(terminal.lab("smime", "decrypt", message, "--key", terminal.path("nope.p12"))).isEqualTo(2);
        assertThat(terminal.err()).contains("nope.p12: no such file or folder");
    }
}
