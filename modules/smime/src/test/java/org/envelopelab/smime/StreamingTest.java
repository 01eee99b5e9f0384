package org.envelopelab.smime;

import jakarta.mail.internet.MimeMessage;
import org.envelopelab.pki.Credential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The streaming entry points: whole RFC 5322 messages in, whole messages out. The large-mail test
 * runs in a JVM of its own whose whole heap (128 MB) is smaller than the S/MIME message (70 MB)
 * plus its plaintext (50 MB): it only passes if nothing holds the message in memory, including
 * SunJCE's GCM decryption, which would buffer all of it.
 */
class StreamingTest {

    private static final long TIMEOUT_SECONDS = 120;

    private static final String MESSAGE = "Date: Mon, 2 Mar 2026 09:00:00 +0000\r\n"
            + "From: alice@contoso.example\r\n"
            + "To: bob@contoso.example\r\n"
            + "Subject: Streaming\r\n"
            + "Message-ID: <stream-1@contoso.example>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=us-ascii\r\n"
            + "Content-Transfer-Encoding: 7bit\r\n"
            + "\r\n"
            + "One line.\r\nAnother line.\r\n";

    @TempDir
    Path directory;

    @Test
    void theOuterHeadersTravelInTheClearAndTheBodyComesBackByteForByte() throws Exception {
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        Smime.encrypt(new ByteArrayInputStream(MESSAGE.getBytes(StandardCharsets.US_ASCII)), encrypted,
                List.of(People.BOB.certificate(), People.CAROL.certificate()), EncryptionOptions.defaults());
        String wire = encrypted.toString(StandardCharsets.US_ASCII);

        assertThat(wire).startsWith("Date: Mon, 2 Mar 2026 09:00:00 +0000\r\nFrom: alice@contoso.example\r\nTo: bob@contoso.example\r\n"
                + "Subject: Streaming\r\nMessage-ID: <stream-1@contoso.example>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: application/pkcs7-mime; smime-type=authEnveloped-data; name=\"smime.p7m\"\r\n");
        assertThat(wire).doesNotContain("Another line");
        for (Credential recipient : List.of(People.BOB, People.CAROL)) {
            ByteArrayOutputStream decrypted = new ByteArrayOutputStream();
            Smime.decrypt(new ByteArrayInputStream(encrypted.toByteArray()), decrypted, recipient);
            assertThat(decrypted.toString(StandardCharsets.US_ASCII)).isEqualTo(MESSAGE);
        }
    }

    @Test
    void aMessageWithUnixLineEndsIsEncryptedInCanonicalForm() throws Exception {
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        Smime.encrypt(new ByteArrayInputStream(MESSAGE.replace("\r\n", "\n").getBytes(StandardCharsets.US_ASCII)), encrypted,
                List.of(People.BOB.certificate()), new EncryptionOptions(ContentCipher.AES_128_CBC, KeyTransport.RSA_PKCS1_V1_5));
        ByteArrayOutputStream decrypted = new ByteArrayOutputStream();

        Smime.decrypt(new ByteArrayInputStream(encrypted.toByteArray()), decrypted, People.BOB);

        assertThat(decrypted.toString(StandardCharsets.US_ASCII)).isEqualTo(MESSAGE);
    }

    @Test
    void aChangedGcmMessageReleasesNoPlaintextAtAll() throws Exception {
        MimeMessage encrypted = Smime.encrypt(Letters.parse(MESSAGE.getBytes(StandardCharsets.US_ASCII)),
                List.of(People.BOB.certificate()), EncryptionOptions.defaults());
        InterceptedMessage intercepted = InterceptedMessage.of(encrypted);
        byte[] ciphertext = intercepted.ciphertext();
        ciphertext[ciphertext.length - 1] ^= 0x01;
        byte[] changed = Letters.bytes(intercepted.withCiphertext(ciphertext).message(Letters.SESSION));
        ByteArrayOutputStream decrypted = new ByteArrayOutputStream();

        assertThatThrownBy(() -> Smime.decrypt(new ByteArrayInputStream(changed), decrypted, People.BOB))
                .isInstanceOf(SmimeException.class)
                .hasMessage("the authentication tag does not match: the ciphertext was changed");
        assertThat(decrypted.size()).isZero();
    }

    @Test
    void aCbcMessageWithBrokenPaddingReleasesNoPlaintextAtAll() throws Exception {
        String longer = MESSAGE + "The figures for each branch follow.\r\n".repeat(5000); // far more than one read's worth
        MimeMessage encrypted = Smime.encrypt(Letters.parse(longer.getBytes(StandardCharsets.US_ASCII)),
                List.of(People.BOB.certificate()), new EncryptionOptions(ContentCipher.AES_256_CBC, KeyTransport.RSA_OAEP_SHA256));
        InterceptedMessage intercepted = InterceptedMessage.of(encrypted);
        byte[] ciphertext = intercepted.ciphertext();
        ciphertext[ciphertext.length - 17] ^= 0x7f; // changes the last plaintext byte: the padding length
        byte[] changed = Letters.bytes(intercepted.withCiphertext(ciphertext).message(Letters.SESSION));
        ByteArrayOutputStream decrypted = new ByteArrayOutputStream();

        assertThatThrownBy(() -> Smime.decrypt(new ByteArrayInputStream(changed), decrypted, People.BOB))
                .isInstanceOf(SmimeException.class)
                .hasMessageStartingWith("the content cannot be decrypted: the CBC padding is wrong");
        assertThat(decrypted.size()).as("not a byte of the message, not even the headers").isZero();
    }

    @Test
    void aFiftyMegabyteMessageEncryptsAndDecryptsInA128MegabyteHeap() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = directory.resolve("round-trip.log");
        Process process = new ProcessBuilder(java.toString(), "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                LargeMessageRoundTrip.class.getName(), directory.toString(), "50", "aes-256-gcm", "aes-256-cbc")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);

        assertThat(finished).as("finished within %d s", TIMEOUT_SECONDS).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        List<String> lines = output.lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("aes-256-gcm: message 50 MB").contains("max heap 128 MB").endsWith("sha-256 equal: true");
        assertThat(lines.get(1)).startsWith("aes-256-cbc: message 50 MB").endsWith("sha-256 equal: true");
    }
}
