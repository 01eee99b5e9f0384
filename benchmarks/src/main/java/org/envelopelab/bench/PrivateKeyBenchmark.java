package org.envelopelab.bench;

import jakarta.mail.internet.MimeMessage;
import org.envelopelab.pki.KeyType;
import org.envelopelab.smime.EncryptionOptions;
import org.envelopelab.smime.SignatureForm;
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
import org.openjdk.jmh.annotations.Warmup;

import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a small S/MIME message costs beyond its one RSA-2048 private-key operation: the JDK's raw
 * {@code Signature} (SHA256withRSA) and {@code Cipher} (RSA-OAEP with SHA-256, unwrapping a
 * 32-byte AES key) next to the lab signing a 1KB message (clear-signed) and decrypting one
 * (AES-256-GCM for Bob), in the same run.
 *
 * <p>What to notice: the raw operations are the floor — the CRT exponentiation — and the S/MIME
 * operations should come close to it (the target is at least 80%): everything else a message
 * needs (parsing the header section, building or parsing the CMS structure, the signed
 * attributes, the AES content, base64, and handing back a parsed {@code MimeMessage}) is small
 * next to one private-key operation. When the ratio drops, look at {@code -prof gc} first:
 * per-message allocation (certificates re-encoded, builders made per call) is where it goes.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PrivateKeyBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PrivateKeyBenchmark {

    private static final OAEPParameterSpec OAEP_SHA256 = new OAEPParameterSpec("SHA-256", "MGF1",
            MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);

    private Correspondents people;
    private MimeMessage message;
    private MimeMessage encrypted;
    private byte[] content;
    private byte[] wrappedKey;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        people = Correspondents.of(KeyType.RSA_2048, 1);
        content = SampleMail.bytes(1024);
        message = SampleMail.parse(content);
        encrypted = Smime.encrypt(message, List.of(people.bob().certificate()), EncryptionOptions.defaults());
        byte[] aesKey = new byte[32];
        new SecureRandom().nextBytes(aesKey);
        Cipher wrap = Cipher.getInstance("RSA/ECB/OAEPPadding");
        wrap.init(Cipher.ENCRYPT_MODE, people.bob().certificate().getPublicKey(), OAEP_SHA256);
        wrappedKey = wrap.doFinal(aesKey);
    }

    @Benchmark
    public byte[] jdkRsaSign() throws Exception {
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(people.alice().privateKey());
        signature.update(content);
        return signature.sign();
    }

    @Benchmark
    public byte[] jdkRsaDecrypt() throws Exception {
        Cipher unwrap = Cipher.getInstance("RSA/ECB/OAEPPadding");
        unwrap.init(Cipher.DECRYPT_MODE, people.bob().privateKey(), OAEP_SHA256);
        return unwrap.doFinal(wrappedKey);
    }

    @Benchmark
    public MimeMessage smimeSign() throws Exception {
        return Smime.sign(message, people.alice(), SignatureForm.CLEAR);
    }

    @Benchmark
    public MimeMessage smimeDecrypt() throws Exception {
        return Smime.decrypt(encrypted, people.bob()).content();
    }
}
