package org.envelopelab.bench;

import org.envelopelab.service.protection.Protected;
import org.envelopelab.service.protection.ProtectionService;
import org.envelopelab.service.protection.UseLicense;
import org.envelopelab.service.rights.RightsTemplate;
import org.envelopelab.service.rules.Evaluation;
import org.envelopelab.service.rules.MailFacts;
import org.envelopelab.service.rules.RuleEngine;
import org.envelopelab.service.tenant.Tenant;
import org.envelopelab.service.wrapper.WrapperMessage;
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
 * The message encryption service, step by step, by message size: the mail flow rules reading the
 * message ({@code MailFacts.of} and the rule engine), protecting it, the wrapper an outside
 * recipient gets, a use license for an inside reader, and opening the message with it.
 *
 * <p>What to notice: {@code rules} is the one step that reads every byte as text — decoding,
 * walking the MIME tree and looking for card numbers — so per KB it is the dearest, and it is
 * the step S/MIME takes away from the service (an S/MIME body is opaque to the rules).
 * {@code protect} and {@code open} are one AES-GCM pass each plus a fixed cost (key wrap, HMAC,
 * policy), and reading the protected message back (Jakarta Mail's base64 decoder) costs more than
 * the AES; {@code license} decrypts nothing but still reads the whole protected message to find
 * the policy, so it grows with size too; the wrapper reads only the original's headers. Multiply
 * ops/s by the size for MB/s.
 *
 * <p>The service keeps every message it protects (its portal serves them later). Left alone, the
 * collector copies that growing store at every young collection and throughput falls to a tenth
 * for a second at a time — a cost of keeping everything in memory, not of protecting. So the
 * service is made anew before each iteration, the old one collected then (untimed), and the young
 * generation (6 GB, touched at start so first use costs no page faults) holds a whole iteration's
 * garbage: no collection falls inside a measurement.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ServiceBenchmark -p size=1MB}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms7g", "-Xmx7g", "-Xmn6g", "-XX:+AlwaysPreTouch"})
public class ServiceBenchmark {

    private static final String BOB = "bob@contoso-bank.example";

    @Param({"1KB", "64KB", "1MB", "10MB"})
    public String size;

    private byte[] original;
    private List<String> recipients;
    private Tenant tenant;
    private RuleEngine engine;
    private ProtectionService service;
    private Protected sealed;
    private UseLicense license;

    @Setup(Level.Trial)
    public void setUp() {
        original = SampleMail.bytes(MessageSize.bytes(size));
        recipients = List.of(SampleMail.TO, BOB);
        tenant = ContosoService.tenant();
        engine = ContosoService.rules(tenant);
    }

    /** A fresh, empty service each iteration, with one message protected for the reading steps. */
    @Setup(Level.Iteration)
    public void freshService() {
        service = null;
        System.gc(); // the last iteration's store: collected now, untimed, not copied during this iteration
        service = ContosoService.service(tenant);
        sealed = protect();
        license = service.license(sealed.protectedMime(), BOB);
    }

    @Benchmark
    public Evaluation rules() {
        return engine.evaluate(ContosoService.RULES, MailFacts.of(original, SampleMail.FROM, recipients));
    }

    @Benchmark
    public Protected protect() {
        return service.protect(original, SampleMail.FROM, recipients, RightsTemplate.ENCRYPT_ONLY, ContosoService.branding());
    }

    @Benchmark
    public byte[] wrapper() {
        return WrapperMessage.build(original, sealed, ContosoService.branding(), ContosoService.PORTAL);
    }

    @Benchmark
    public UseLicense license() {
        return service.license(sealed.protectedMime(), BOB);
    }

    @Benchmark
    public byte[] open() {
        return service.open(sealed.protectedMime(), license);
    }
}
