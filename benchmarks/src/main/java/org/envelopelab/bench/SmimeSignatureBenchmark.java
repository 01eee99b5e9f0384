package org.envelopelab.bench;

import jakarta.mail.internet.MimeMessage;
import org.envelopelab.pki.KeyType;
import org.envelopelab.smime.SignatureForm;
import org.envelopelab.smime.Smime;
import org.envelopelab.smime.Verification;
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

import java.util.concurrent.TimeUnit;

/**
 * S/MIME signatures: clear-signing a message and verifying it, by key type and size.
 *
 * <p>What to notice: signing is one private-key operation plus a SHA-256 of the content, so at
 * 1KB RSA-3072 is several times slower than RSA-2048 and ECDSA P-256 is the fastest; at 1MB the
 * digest and the MIME handling catch up. Verifying is a public-key operation: cheap for RSA,
 * dearer for ECDSA — the opposite order to signing.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SmimeSignatureBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SmimeSignatureBenchmark {

    @Param({"1KB", "1MB"})
    public String size;

    @Param({"RSA_2048", "RSA_3072", "EC_P256"})
    public KeyType keyType;

    private Correspondents people;
    private MimeMessage message;
    private MimeMessage signed;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        people = Correspondents.of(keyType, 1);
        message = SampleMail.message(MessageSize.bytes(size));
        signed = Smime.sign(message, people.alice(), SignatureForm.CLEAR);
        if (!Smime.verify(signed).signatureValid()) {
            throw new IllegalStateException("the signed sample does not verify");
        }
    }

    @Benchmark
    public MimeMessage sign() throws Exception {
        return Smime.sign(message, people.alice(), SignatureForm.CLEAR);
    }

    @Benchmark
    public Verification verify() throws Exception {
        return Smime.verify(signed);
    }
}
