package org.envelopelab.bench;

import jakarta.mail.internet.MimeMessage;
import org.envelopelab.mailnet.Account;
import org.envelopelab.mailnet.MailClient;
import org.envelopelab.mailnet.MailWorld;
import org.envelopelab.mailnet.SiteKind;
import org.envelopelab.mailnet.SiteSpec;
import org.envelopelab.routes.MailRoutes;
import org.envelopelab.routes.TransportSettings;
import org.envelopelab.transport.MailFlow;
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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How the plain transport (Camel, GreenMail; no mail flow) grows, one axis at a time:
 * <ul>
 *   <li>{@code bySites}: 10KB messages per second from Contoso to 1 … 19 other sites (2 … 20 in
 *       the world), spread round-robin: one leg per destination site, one pooled connection each;</li>
 *   <li>{@code byRecipients}: 10KB messages per second, each to 1 … 100 recipients at one other
 *       site: one leg, one relay, the recipients in one SMTP transaction;</li>
 *   <li>{@code byQueue}: the seconds to settle 1k … 100k 1KB messages submitted at once (a single
 *       shot each): the queue, the ledger and the mailboxes all hold every message.</li>
 * </ul>
 *
 * <p>What to notice: messages per second stay about level as sites grow (a message still makes
 * one leg; more sites only mean more idle pooled connections), fall slowly with recipients (one
 * relay carries them all; each adds an RCPT TO, a ledger entry and a mailbox copy), and the time
 * to settle a queue grows linearly with its length (the same work per message; memory grows with
 * it, because GreenMail and the ledger keep every message: {@code -prof gc} shows it).
 * {@code benchmarks/README.md} says what grows linearly and why.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ScalingTransportBenchmark -prof gc}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class ScalingTransportBenchmark {

    static final int BATCH = 100;
    private static final Duration SETTLE = Duration.ofMinutes(10);
    private static final String CONTOSO = ContosoService.DOMAIN;

    /** A running world: Contoso (Alice sends) and other sites, the transport between them. */
    abstract static class World {
        MailWorld world;
        MailRoutes routes;
        MailClient alice;
        final List<MimeMessage> messages = new ArrayList<>();
        final List<List<String>> recipients = new ArrayList<>();

        void start(List<SiteSpec> others) throws Exception {
            List<SiteSpec> sites = new ArrayList<>();
            sites.add(new SiteSpec("Contoso Bank", CONTOSO, SiteKind.ORGANIZATION,
                    List.of(new Account(SampleMail.FROM, "Alice Adams", "pw"))));
            sites.addAll(others);
            world = MailWorld.start(sites);
            routes = MailRoutes.start(world, TransportSettings.defaults(), MailFlow.NONE);
            alice = world.client(SampleMail.FROM);
        }

        /** Submits {@code count} messages, going round the prepared ones, and waits until every one is settled. */
        void send(int count) throws Exception {
            for (int i = 0; i < count; i++) {
                int at = i % messages.size();
                alice.submit(messages.get(at), recipients.get(at));
            }
            if (!routes.awaitSettled(SETTLE)) {
                throw new IllegalStateException("the transport did not settle " + count + " messages in " + SETTLE);
            }
        }

        @TearDown(Level.Iteration)
        public void stop() throws Exception {
            alice.close();
            routes.close();
            world.close();
        }

        static SiteSpec site(String domain, int accounts) {
            List<Account> list = new ArrayList<>();
            for (int i = 1; i <= accounts; i++) {
                list.add(new Account("user" + i + "@" + domain, "User " + i, "pw"));
            }
            return new SiteSpec(domain, domain, SiteKind.ORGANIZATION, list);
        }

        void prepare(int count, int size, java.util.function.IntFunction<List<String>> to) {
            messages.clear();
            recipients.clear();
            for (int i = 0; i < count; i++) {
                List<String> addresses = to.apply(i);
                messages.add(SampleMail.parse(SampleMail.bytes(size, SampleMail.FROM, addresses.get(0),
                        "<scaling-" + i + "@contoso-bank.example>")));
                recipients.add(addresses);
            }
        }
    }

    @State(Scope.Benchmark)
    public static class Sites extends World {
        @Param({"2", "5", "10", "20"})
        public int sites;

        @Setup(Level.Iteration)
        public void startWorld() throws Exception {
            List<SiteSpec> others = new ArrayList<>();
            for (int i = 1; i < sites; i++) {
                others.add(site("site" + i + ".example", 1));
            }
            start(others);
            prepare(BATCH, 10 * 1024, i -> List.of("user1@site" + (i % (sites - 1) + 1) + ".example"));
            send(BATCH); // untimed: every leg's connection opened
        }
    }

    @State(Scope.Benchmark)
    public static class Recipients extends World {
        @Param({"1", "10", "100"})
        public int recipients;

        @Setup(Level.Iteration)
        public void startWorld() throws Exception {
            start(List.of(site("gmail.example", recipients)));
            List<String> everyone = new ArrayList<>();
            for (int i = 1; i <= recipients; i++) {
                everyone.add("user" + i + "@gmail.example");
            }
            prepare(BATCH, 10 * 1024, i -> everyone);
            send(BATCH);
        }
    }

    @State(Scope.Benchmark)
    public static class Queue extends World {
        @Param({"1000", "10000", "100000"})
        public int queued;

        @Setup(Level.Iteration)
        public void startWorld() throws Exception {
            start(List.of(site("gmail.example", 1)));
            prepare(BATCH, 1024, i -> List.of("user1@gmail.example"));
            send(BATCH);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void bySites(Sites world) throws Exception {
        world.send(BATCH);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void byRecipients(Recipients world) throws Exception {
        world.send(BATCH);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public void byQueue(Queue world) throws Exception {
        world.send(world.queued);
    }
}
