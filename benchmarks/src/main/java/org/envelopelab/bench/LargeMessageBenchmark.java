package org.envelopelab.bench;

import org.envelopelab.pki.KeyType;
import org.envelopelab.smime.EncryptionOptions;
import org.envelopelab.smime.Smime;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A 50MB message encrypted and decrypted (AES-256-GCM, streaming, file to file) in a JVM whose
 * heap is 128MB: the message is never held in memory, and GCM plaintext is still released only
 * after its tag is checked (it waits in an encrypted spool file, not on the heap).
 *
 * <p>What to notice: that it runs at all with {@code -Xmx128m} — a codec that buffered the
 * message, or SunJCE's own GCM decryption (which holds all the ciphertext until the tag), ends
 * in {@code OutOfMemoryError} here. The time is one encryption plus one decryption of 50MB; after
 * each trial the decrypted file is compared with the original by SHA-256.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LargeMessageBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms128m", "-Xmx128m"})
public class LargeMessageBenchmark {

    static final int MEGABYTES = 50;

    private Path directory;
    private Path original;
    private Path encrypted;
    private Path decrypted;
    private Correspondents people;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        people = Correspondents.of(KeyType.RSA_2048, 1);
        directory = Files.createTempDirectory("envelope-lab-large-");
        original = directory.resolve("original.eml");
        encrypted = directory.resolve("encrypted.eml");
        decrypted = directory.resolve("decrypted.eml");
        byte[] chunk = SampleMail.bytes(1024 * 1024);
        byte[] body = Arrays.copyOfRange(chunk, indexOfBody(chunk), chunk.length);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(original))) {
            out.write(chunk);
            for (int i = 1; i < MEGABYTES; i++) {
                out.write(body);
            }
        }
    }

    @Benchmark
    public long encryptThenDecrypt() throws Exception {
        try (InputStream in = Files.newInputStream(original); OutputStream out = Files.newOutputStream(encrypted)) {
            Smime.encrypt(in, out, List.of(people.bob().certificate()), EncryptionOptions.defaults());
        }
        try (InputStream in = Files.newInputStream(encrypted); OutputStream out = Files.newOutputStream(decrypted)) {
            Smime.decrypt(in, out, people.bob());
        }
        return Files.size(decrypted);
    }

    @TearDown(Level.Trial)
    public void checkAndClean() throws Exception {
        try {
            if (!Arrays.equals(sha256(original), sha256(decrypted))) {
                throw new IllegalStateException("the decrypted 50MB message differs from the original");
            }
        } finally {
            for (Path file : List.of(original, encrypted, decrypted)) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        }
    }

    private static byte[] sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return digest.digest();
    }

    private static int indexOfBody(byte[] message) {
        for (int i = 3; i < message.length; i++) {
            if (message[i - 3] == '\r' && message[i - 2] == '\n' && message[i - 1] == '\r' && message[i] == '\n') {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no blank line after the header section");
    }
}
