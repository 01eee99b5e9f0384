package org.envelopelab.bench;

import org.envelopelab.pki.KeyType;
import org.envelopelab.smime.ContentCipher;
import org.envelopelab.smime.EncryptionOptions;
import org.envelopelab.smime.KeyTransport;
import org.envelopelab.smime.Smime;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * S/MIME content encryption: how fast a whole message goes through the codec, by size and
 * content cipher, for one RSA-2048 recipient (RSA-OAEP SHA-256, the lab's default).
 *
 * <p>The streaming API is measured, message bytes in, message bytes out, as {@code lab smime}
 * and the OpenSSL side-by-side use it. Per call: read the header section, canonicalize line ends,
 * encrypt (AES on the JDK's SunJCE), base64 in 76-character lines; decryption undoes it and for
 * GCM checks the tag before it releases a byte.
 *
 * <p>What to notice: at 1KB the fixed cost dominates (one RSA public-key operation to encrypt,
 * one private-key operation to decrypt — about a millisecond); from 1MB on the per-byte cost
 * does, and it is base64 and line-end handling as much as AES. Multiply ops/s by the size for
 * MB/s. GCM costs about what CBC costs in the JDK (AES-NI and carry-less multiply), but GCM is
 * the one that refuses a changed message (see {@code lab smime efail}).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SmimeContentBenchmark}
 * (one size: {@code -p size=10MB}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class SmimeContentBenchmark {

    @Param({"1KB", "64KB", "1MB", "10MB"})
    public String size;

    @Param({"AES_256_GCM", "AES_256_CBC"})
    public ContentCipher cipher;

    private Correspondents people;
    private EncryptionOptions options;
    private byte[] message;
    private byte[] encrypted;
    private ByteArrayOutputStream sink;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        people = Correspondents.of(KeyType.RSA_2048, 1);
        options = new EncryptionOptions(cipher, KeyTransport.RSA_OAEP_SHA256);
        message = SampleMail.bytes(MessageSize.bytes(size));
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length * 2);
        Smime.encrypt(new ByteArrayInputStream(message), out, List.of(people.bob().certificate()), options);
        encrypted = out.toByteArray();
        sink = new ByteArrayOutputStream(message.length * 2);
    }

    @Benchmark
    public int encrypt() throws Exception {
        sink.reset();
        Smime.encrypt(new ByteArrayInputStream(message), sink, List.of(people.bob().certificate()), options);
        return sink.size();
    }

    @Benchmark
    public int decrypt() throws Exception {
        sink.reset();
        Smime.decrypt(new ByteArrayInputStream(encrypted), sink, people.bob());
        return sink.size();
    }
}
