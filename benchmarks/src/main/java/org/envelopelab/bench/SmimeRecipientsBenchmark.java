package org.envelopelab.bench;

import jakarta.mail.internet.MimeMessage;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * S/MIME per recipient: encrypting a 10KB message for 1, 10 and 100 recipients with RSA-2048,
 * RSA-3072 and EC P-256 certificates, and Bob decrypting it (AES-256-GCM, the default).
 *
 * <p>What to notice: encryption grows linearly with the recipients — one RecipientInfo, and one
 * public-key operation, each (RSA: a cheap public exponent; EC: a fresh ephemeral key and an
 * ECDH per recipient, which is why EC encryption costs more than RSA here). Decryption is one
 * private-key operation whatever the count — RSA-3072's is several times RSA-2048's, and
 * EC P-256's is cheaper than both — plus finding Bob among the RecipientInfos. Compare with
 * {@link ServiceVersusSmimeBenchmark}: the service has no per-recipient key work at all.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SmimeRecipientsBenchmark -p keyType=EC_P256}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SmimeRecipientsBenchmark {

    @Param({"1", "10", "100"})
    public int recipients;

    @Param({"RSA_2048", "RSA_3072", "EC_P256"})
    public KeyType keyType;

    private Correspondents people;
    private MimeMessage message;
    private MimeMessage encrypted;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        people = Correspondents.of(keyType, recipients);
        message = SampleMail.message(10 * 1024);
        encrypted = Smime.encrypt(message, people.recipients(), EncryptionOptions.defaults());
    }

    @Benchmark
    public MimeMessage encrypt() throws Exception {
        return Smime.encrypt(message, people.recipients(), EncryptionOptions.defaults());
    }

    @Benchmark
    public MimeMessage decrypt() throws Exception {
        return Smime.decrypt(encrypted, people.bob()).content();
    }
}
