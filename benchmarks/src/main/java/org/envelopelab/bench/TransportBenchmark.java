package org.envelopelab.bench;

import jakarta.mail.Address;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.envelopelab.mailnet.Account;
import org.envelopelab.mailnet.MailClient;
import org.envelopelab.mailnet.MailSessions;
import org.envelopelab.mailnet.MailWorld;
import org.envelopelab.mailnet.Site;
import org.envelopelab.mailnet.SiteKind;
import org.envelopelab.mailnet.SiteSpec;
import org.envelopelab.pki.KeyType;
import org.envelopelab.routes.MailRoutes;
import org.envelopelab.routes.TransportSettings;
import org.envelopelab.transport.MailFlow;
import org.envelopelab.service.mailflow.MessageEncryptionFlow;
import org.envelopelab.service.rules.TemplateCatalog;
import org.envelopelab.service.branding.BrandingTemplates;
import org.envelopelab.service.tenant.Tenant;
import org.envelopelab.smime.EncryptionOptions;
import org.envelopelab.smime.Smime;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Messages per second through the whole lab, by path, for 10KB messages from Alice at Contoso
 * Bank to Carol at Gmail, next to what GreenMail alone takes, in the same run:
 * <ul>
 *   <li>{@code raw-greenmail}: a plain SMTP client hands each message straight to Gmail's
 *       GreenMail over one reused connection (TCP_NODELAY, {@code MailSessions}) — the floor of
 *       any SMTP hop here;</li>
 *   <li>{@code plain}: Alice's client submits over one reused, signed-in connection to Contoso;
 *       the transport (Camel: size check, mail flow, ledger, one leg per site) relays each message
 *       to Gmail over pooled connections;</li>
 *   <li>{@code smime}: the same, but Alice's client first signs (RSA-2048) and encrypts
 *       (AES-256-GCM, for Carol and herself) each message — inside the timed loop, because the
 *       client's crypto is the price of this path;</li>
 *   <li>{@code service}: plain submission; the transport's mail flow rules find the card number,
 *       the service protects the message and Carol gets the branded wrapper (no journal).</li>
 * </ul>
 *
 * <p>One operation is one message submitted and settled: each invocation submits a batch of
 * {@value #BATCH} messages one after another, then waits until the ledger has every one
 * delivered ({@code MailRoutes.awaitSettled}); the batch counts as {@value #BATCH} operations.
 * The transport works while the client is still submitting, as a real one does, so the
 * two hops overlap. A fresh world is started before each iteration and sent one batch (both
 * untimed): GreenMail keeps every delivered message in memory, and the ledger keeps every journey.
 *
 * <p>The warm-up is long (a minute): Camel, GreenMail, Jakarta Mail and the service are a lot of code
 * for the JIT on two cores, and the service path was still getting faster after 20 seconds.
 *
 * <p>What to notice: a message through the lab crosses SMTP twice (submission, then relay), yet
 * {@code plain} can keep up with {@code raw-greenmail}: Contoso answers a submission once the
 * message is queued, and the relay to Gmail runs on the other core, so the two hops overlap,
 * while the raw client waits for Gmail to store each message. The target is 70% of it. The service adds
 * rules, one AES-GCM pass and a wrapper per message and should keep 80% of {@code plain};
 * S/MIME's per-message private-key operation on the client caps it at what one core can sign.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TransportBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 30, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class TransportBenchmark {

    public static final int BATCH = 100;
    private static final String BOB = "bob@contoso-bank.example";
    private static final Duration SETTLE = Duration.ofSeconds(60);

    @Param({"raw-greenmail", "plain", "smime", "service"})
    public String path;

    private final List<MimeMessage> messages = new ArrayList<>();
    private Correspondents people;
    private List<X509Certificate> smimeRecipients;
    private MailWorld world;
    private MailRoutes routes;
    private MailClient alice;
    private Transport direct;
    private Address[] carol;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        for (int i = 0; i < BATCH; i++) {
            messages.add(SampleMail.parse(SampleMail.bytes(10 * 1024, SampleMail.FROM, SampleMail.TO,
                    "<statement-" + i + "@contoso-bank.example>")));
        }
        people = Correspondents.of(KeyType.RSA_2048, 1);
        smimeRecipients = List.of(people.bob().certificate(), people.alice().certificate());
        carol = new Address[] {new InternetAddress(SampleMail.TO)};
    }

    @Setup(Level.Iteration)
    public void startWorld() throws Exception {
        world = MailWorld.start(List.of(
                new SiteSpec("Contoso Bank", ContosoService.DOMAIN, SiteKind.ORGANIZATION, List.of(
                        new Account(SampleMail.FROM, "Alice Adams", "pw"),
                        new Account(BOB, "Bob Brown", "pw"))),
                new SiteSpec("Gmail", "gmail.example", SiteKind.GMAIL, List.of(
                        new Account(SampleMail.TO, "Carol Clark", "pw")))));
        switch (path) {
            case "raw-greenmail" -> {
                Site gmail = world.site("gmail.example");
                direct = MailSessions.smtp(gmail.host(), gmail.smtpPort(), false).getTransport("smtp");
                direct.connect();
            }
            case "plain", "smime" -> routes = MailRoutes.start(world, TransportSettings.defaults(), MailFlow.NONE);
            case "service" -> routes = MailRoutes.start(world, TransportSettings.defaults(), serviceFlow());
            default -> throw new IllegalArgumentException("no path " + path);
        }
        alice = world.client(SampleMail.FROM);
        // One batch untimed: connections opened, the world's first-message paths taken.
        deliver();
    }

    @TearDown(Level.Iteration)
    public void stopWorld() throws Exception {
        if (direct != null) {
            direct.close();
            direct = null;
        }
        alice.close();
        if (routes != null) {
            routes.close();
            routes = null;
        }
        world.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void deliver() throws Exception {
        switch (path) {
            case "raw-greenmail" -> {
                for (MimeMessage message : messages) {
                    direct.sendMessage(message, carol);
                }
                return;
            }
            case "smime" -> {
                for (MimeMessage message : messages) {
                    alice.submit(Smime.signAndEncrypt(message, people.alice(), smimeRecipients, EncryptionOptions.defaults()));
                }
            }
            default -> {
                for (MimeMessage message : messages) {
                    alice.submit(message);
                }
            }
        }
        if (!routes.awaitSettled(SETTLE)) {
            throw new IllegalStateException("the transport did not settle " + BATCH + " messages in " + SETTLE);
        }
    }

    private static MailFlow serviceFlow() {
        Tenant tenant = ContosoService.tenant();
        return new MessageEncryptionFlow(ContosoService.service(tenant), ContosoService.rules(tenant), ContosoService.RULES,
                new TemplateCatalog(java.util.List.of()),
                new BrandingTemplates(tenant), null, ContosoService.PORTAL);
    }
}
