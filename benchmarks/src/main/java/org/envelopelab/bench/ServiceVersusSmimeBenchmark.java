package org.envelopelab.bench;

import jakarta.mail.internet.MimeMessage;
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

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The lab's central comparison: protecting one 10KB message for 1, 10 and 100 recipients, the
 * S/MIME way (the sender's client signs with RSA-2048 and encrypts for every recipient's
 * RSA-2048 certificate, AES-256-GCM) and the service's way (one content key, one key wrap for
 * the tenant's key, recipients only named in the signed policy).
 *
 * <p>What to notice: S/MIME pays a private-key operation per message and a public-key operation
 * and a RecipientInfo per recipient, so it slows down as the list grows; the service does
 * symmetric work only, in one place, and each recipient costs it only a name in the policy —
 * encoded, authenticated and stored — about a hundredth of what a recipient costs S/MIME, but
 * not nothing. The targets: protect at 10 recipients at least ten times S/MIME's sign+encrypt,
 * and protect at 100 recipients within 20% of protect at 1.
 *
 * <p>The service keeps every message it protects (its portal serves them later), so it is made
 * anew before each iteration and the old one collected (untimed), and the young generation holds
 * a whole iteration's garbage (see ServiceBenchmark).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ServiceVersusSmimeBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms7g", "-Xmx7g", "-Xmn6g", "-XX:+AlwaysPreTouch"})
public class ServiceVersusSmimeBenchmark {

    @Param({"1", "10", "100"})
    public int recipients;

    private Correspondents people;
    private MimeMessage message;
    private byte[] original;
    private List<String> addresses;
    private Tenant tenant;
    private ProtectionService service;

    @Setup(Level.Trial)
    public void setUp() {
        people = Correspondents.of(KeyType.RSA_2048, recipients);
        original = SampleMail.bytes(10 * 1024);
        message = SampleMail.parse(original);
        addresses = ContosoService.outsideRecipients(recipients);
        tenant = ContosoService.tenant();
    }

    /** A fresh, empty service: what it stored in the last iteration would otherwise pile up. */
    @Setup(Level.Iteration)
    public void freshService() {
        service = null;
        System.gc(); // the last iteration's store: collected now, untimed, not copied during this iteration
        service = ContosoService.service(tenant);
    }

    @Benchmark
    public MimeMessage smimeSignAndEncrypt() throws Exception {
        return Smime.signAndEncrypt(message, people.alice(), people.recipients(), EncryptionOptions.defaults());
    }

    @Benchmark
    public Protected serviceProtect() {
        return service.protect(original, SampleMail.FROM, addresses, RightsTemplate.ENCRYPT_ONLY, ContosoService.branding());
    }
}
