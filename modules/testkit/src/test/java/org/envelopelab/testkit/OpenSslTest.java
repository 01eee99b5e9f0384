package org.envelopelab.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenSslTest {

    @TempDir
    Path dir;

    @Test
    void runsInTheFolderAndKeepsTheStreamsApart() throws Exception {
        OpenSsl openssl = new OpenSsl(dir);
        openssl.write("note.txt", "a note\n".getBytes(StandardCharsets.US_ASCII));

        OpenSsl.Run digest = openssl.run("dgst", "-sha256", "note.txt");
        assertThat(digest.exitCode()).as(digest.output()).isZero();
        assertThat(digest.stdout()).startsWith("SHA2-256(note.txt)= ");
        assertThat(digest.stderr()).isEmpty();

        OpenSsl.Run missing = openssl.run("dgst", "-sha256", "no-such-file.txt");
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.stderr()).contains("no-such-file.txt");
        assertThat(missing.output()).isEqualTo(missing.stdout() + missing.stderr());
    }

    @Test
    void feedsStandardInputAndWritesFilesOpenSslReads() throws Exception {
        OpenSsl openssl = new OpenSsl(dir);
        OpenSsl.Run encoded = openssl.runWithInput("hello".getBytes(StandardCharsets.US_ASCII), "base64", "-out", "hello.b64");
        assertThat(encoded.exitCode()).as(encoded.output()).isZero();
        assertThat(new String(openssl.read("hello.b64"), StandardCharsets.US_ASCII)).isEqualTo("aGVsbG8=\n");

        OpenSsl.Run nothing = openssl.run("base64");
        assertThat(nothing.exitCode()).as("no input is an empty input, not a wait").isZero();
        assertThat(nothing.stdout()).isEmpty();
    }

    @Test
    void aRunThatTakesTooLongIsKilledAndFails() {
        OpenSsl slow = new OpenSsl(dir, Duration.ofMillis(200));
        assertThatThrownBy(() -> slow.run("prime", "-generate", "-safe", "-bits", "4096"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("openssl did not finish in 200 ms");
    }
}
