package org.envelopelab.bench;

import org.envelopelab.pki.KeyType;
import org.envelopelab.service.protection.Protected;
import org.envelopelab.service.protection.ProtectionService;
import org.envelopelab.service.rights.RightsTemplate;
import org.envelopelab.service.tenant.Tenant;
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

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How the cost of protecting one 10KB message grows with its recipients, 1 to 100: the service's
 * {@code protect} and S/MIME's {@code encrypt} (AES-256-GCM, RSA-OAEP for each RSA-2048
 * certificate), in microseconds per message, one curve each.
 *
 * <p>What to notice: both are straight lines, and the slope is the cost of one recipient. S/MIME's
 * slope is a public-key operation and a RecipientInfo (tens of microseconds); the service's is a
 * name in the signed policy — encoded, authenticated, stored — well under a microsecond, so its
 * line looks flat next to S/MIME's. The fixed cost (the intercept) is the AES pass and, for the
 * service, one key wrap and one HMAC. {@code benchmarks/README.md} gives the slopes of a full run.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ScalingRecipientsBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-Xmn3g", "-XX:+AlwaysPreTouch"})
public class ScalingRecipientsBenchmark {

    @Param({"1", "3", "10", "30", "100"})
    public int recipients;

    private byte[] original;
    private List<String> addresses;
    private List<X509Certificate> certificates;
    private Tenant tenant;
    private ProtectionService service;
    private ByteArrayOutputStream sink;

    @Setup(Level.Trial)
    public void setUp() {
        original = SampleMail.bytes(10 * 1024);
        addresses = ContosoService.outsideRecipients(recipients);
        certificates = Correspondents.of(KeyType.RSA_2048, recipients).recipients().subList(0, recipients);
        tenant = ContosoService.tenant();
        sink = new ByteArrayOutputStream(64 * 1024);
    }

    /** A fresh service each iteration: its store keeps every message (see ServiceBenchmark). */
    @Setup(Level.Iteration)
    public void freshService() {
        service = null;
        System.gc();
        service = ContosoService.service(tenant);
    }

    @Benchmark
    public Protected serviceProtect() {
        return service.protect(original, SampleMail.FROM, addresses, RightsTemplate.ENCRYPT_ONLY, ContosoService.branding());
    }

    @Benchmark
    public int smimeEncrypt() throws Exception {
        sink.reset();
        Smime.encrypt(new ByteArrayInputStream(original), sink, certificates, EncryptionOptions.defaults());
        return sink.size();
    }
}
