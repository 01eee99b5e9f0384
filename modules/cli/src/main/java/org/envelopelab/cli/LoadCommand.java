package org.envelopelab.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.envelopelab.mailnet.MailClient;
import org.envelopelab.mailnet.MailSessions;
import org.envelopelab.mailnet.Site;
import org.envelopelab.routes.delivery.RetrySchedule;
import org.envelopelab.routes.ledger.Totals;
import org.envelopelab.scenario.run.LabWorld;
import org.envelopelab.scenario.script.DefaultWorld;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lab load}: pushes messages through a served default world over real SMTP and counts,
 * from the ledger and from the mailboxes over IMAP, that nothing was lost or duplicated.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Push messages through a running mail world and count that nothing is lost.",
            "Starts the default world on loopback, submits N messages over 4 reused SMTP connections",
            "(every fifth also to an address that does not exist, which bounces), in turn of each kind",
            "of --mix: plain, smime (signed and encrypted by the sender's client) or service (protected",
            "by Contoso's message encryption service on the way); with",
            "--outages takes recipient sites down and up at random while it runs, waits until every",
            "message settles, then counts from the ledger and from every mailbox over IMAP.",
            "Exit 0 when nothing was lost or duplicated, 1 otherwise."},
        footer = {"", "Examples:", "  ./lab load --messages 2000 --outages"})
final class LoadCommand implements Callable<Integer> {

    static final int MOST_MESSAGES = 100_000;
    private static final int CONNECTIONS = 4;
    private static final String[] SENDERS = {"alice@contoso.example", "bob@contoso.example", "carol@gmail.example",
        "alice@contoso.example"};
    private static final String[] RECIPIENTS = {"dave@yahoo.example", "erin@outlook.example", "frank@fabrikam.example",
        "bob@contoso.example", "carol@gmail.example"};
    /** Sites that may go down: no sender submits to them. */
    private static final String[] OUTAGE_SITES = {"yahoo.example", "outlook.example", "fabrikam.example"};

    @Spec
    CommandSpec spec;

    @Option(names = "--messages", paramLabel = "N", defaultValue = "1000",
            description = "how many messages to submit, 1 to " + MOST_MESSAGES + " (default: ${DEFAULT-VALUE})")
    int messages;

    @Option(names = "--mix", paramLabel = "KINDS", split = ",", defaultValue = "plain",
            description = "the kinds of message, taken in turn: plain, smime, service (default: ${DEFAULT-VALUE})")
    List<String> mix;

    @Option(names = "--outages", description = "take recipient sites down and up at random while the load runs")
    boolean outages;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Durations.class, defaultValue = "10m",
            description = "give up waiting for the mail to settle after this long (default: 10m)")
    Duration timeout;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "decides the outages (default: 1)")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (messages < 1 || messages > MOST_MESSAGES) {
            throw new BadInput("--messages must be between 1 and " + MOST_MESSAGES + ", not " + messages);
        }
        if (timeout.isZero() || timeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new BadInput("--timeout must be above zero and at most 1h");
        }
        List<LoadMessages.Kind> kinds = LoadMessages.kinds(mix);
        PrintWriter out = spec.commandLine().getOut();
        Progress progress = new Progress(System.console() != null, out);
        HeapWatch heap = HeapWatch.start();
        try (LabWorld lab = LabWorld.start(DefaultWorld.get(), List.of(), LoadMessages.service(kinds), 1, Instant.now(), 0,
                RetrySchedule.realTime())) {
            lab.clock().followRealTime();
            LoadMessages letters = new LoadMessages(kinds, SENDERS, RECIPIENTS);
            Outages chaos = outages ? Outages.start(lab, OUTAGE_SITES, seed) : null;
            long started = System.nanoTime();
            AtomicInteger submitted = new AtomicInteger();
            ExecutorService senders = Executors.newFixedThreadPool(CONNECTIONS);
            List<Future<Integer>> done = new ArrayList<>();
            AtomicLong refused = new AtomicLong();
            for (int connection = 0; connection < CONNECTIONS; connection++) {
                int first = connection;
                done.add(senders.submit(() -> submitEvery(lab, letters, first, submitted, refused, progress, started)));
            }
            for (Future<Integer> sender : done) {
                sender.get();
            }
            senders.shutdown();
            double submitSeconds = seconds(started);
            if (chaos != null) {
                chaos.stop(); // the outages end with the load; then every site is up and the mail settles
            }
            progress.submittedAll(submitted.get());
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!lab.routes().awaitSettled(Duration.ofMillis(500))) {
                Totals books = lab.routes().ledger().totals();
                progress.settling(submitted.get(), books.recipients() - books.pending(), books.recipients(), started);
                if (System.nanoTime() > deadline) {
                    break;
                }
            }
            double settleSeconds = seconds(started);
            progress.end();
            Totals books = lab.routes().ledger().totals();
            MailboxCount count = MailboxCount.of(lab, RECIPIENTS);
            long lost = Math.max(0, books.delivered() - count.distinct()) + books.pending();
            out.println("Load: " + messages + " messages (" + String.join(", ", mix) + ") over " + CONNECTIONS
                    + " reused SMTP connections"
                    + (outages ? ", with " + chaos.taken() + " outages" : ""));
            out.printf("  submitted     %d (refused at submission: %d) in %.1f s, %.0f msg/s%n", submitted.get(),
                    refused.get(), submitSeconds, submitted.get() / submitSeconds);
            out.printf("  settled       %d recipients in %.1f s, %.0f msg/s end to end%n",
                    books.recipients() - books.pending(), settleSeconds, submitted.get() / settleSeconds);
            out.printf("  delivered     %d (in the mailboxes over IMAP: %d, of them held encrypted: %d)%n", books.delivered(),
                    count.distinct(), count.encrypted());
            out.printf("  bounced       %d%n", books.bounced());
            out.printf("  dead-lettered %d%n", books.deadLettered());
            out.printf("  lost          %d%n", lost);
            out.printf("  duplicated    %d%n", count.duplicates());
            out.printf("  peak heap     %d MB%n", heap.stop() / (1024 * 1024));
            if (books.pending() > 0) {
                out.println("  still pending: " + books.pending() + " recipients; waiting for a retry: "
                        + lab.routes().redelivery().waitingRecipients() + lab.routes().redelivery().nextDue()
                        .map(next -> " (next try due " + next + ")").orElse(""));
                lab.routes().ledger().journeys().stream().filter(journey -> !journey.settled())
                        .limit(5).forEach(journey -> out.println("    " + journey.accepted().id() + " "
                                + journey.outcomes()));
            }
            boolean ok = lost == 0 && count.duplicates() == 0 && submitted.get() == messages;
            out.println(ok ? "Nothing lost, nothing duplicated." : "SOMETHING WAS LOST OR DUPLICATED (see above).");
            out.flush();
            return ok ? ExitCodes.OK : ExitCodes.EXPECTATION_FAILED;
        }
    }

    /** One connection's share: messages first, first+4, first+8 ... */
    private int submitEvery(LabWorld lab, LoadMessages letters, int first, AtomicInteger submitted, AtomicLong refused,
                            Progress progress, long started) throws Exception {
        String sender = SENDERS[first];
        int sent = 0;
        try (MailClient client = lab.mail().client(sender)) {
            Session session = MailSessions.smtp(client.site().host(), client.site().smtpPort(), true);
            for (int i = first; i < messages; i += CONNECTIONS) {
                List<String> to = new ArrayList<>(List.of(RECIPIENTS[i % RECIPIENTS.length]));
                if (i % 5 == 4) {
                    to.add("nobody" + i + "@gmail.example");
                }
                MimeMessage message = letters.compose(session, i, messages, sender, to);
                if (!submitWithRetry(client, message, to)) {
                    refused.incrementAndGet();
                    continue;
                }
                sent++;
                progress.submitting(submitted.incrementAndGet(), messages, started);
            }
        }
        return sent;
    }

    /** A client tries again when its own site says 4xx (the transport's queue was full for a moment). */
    private static boolean submitWithRetry(MailClient client, MimeMessage message, List<String> to) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                client.submit(message, to);
                return true;
            } catch (jakarta.mail.MessagingException e) {
                if (attempt == 5) {
                    return false;
                }
                Thread.sleep(100L * attempt);
            }
        }
    }

    private static double seconds(long since) {
        return Math.max(0.001, (System.nanoTime() - since) / 1e9);
    }

    /** Recipient sites going down and up at random while the load runs. */
    private static final class Outages {
        private final Thread thread;
        private final AtomicInteger taken = new AtomicInteger();
        private volatile boolean running = true;

        private Outages(LabWorld lab, String[] sites, long seed) {
            Random random = new Random(seed);
            thread = new Thread(() -> {
                try {
                    while (running) {
                        Thread.sleep(100 + random.nextInt(300));
                        Site site = lab.mail().site(sites[random.nextInt(sites.length)]);
                        site.stop();
                        taken.incrementAndGet();
                        Thread.sleep(200 + random.nextInt(600));
                        site.start();
                    }
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                } finally {
                    for (String name : sites) {
                        lab.mail().site(name).start();
                    }
                }
            }, "lab-load-outages");
            thread.setDaemon(true);
        }

        static Outages start(LabWorld lab, String[] sites, long seed) {
            Outages outages = new Outages(lab, sites, seed);
            outages.thread.start();
            return outages;
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(10_000);
        }

        int taken() {
            return taken.get();
        }
    }

    /** What the recipients' mailboxes hold of the load, read over IMAP as their clients would. */
    private record MailboxCount(long distinct, long duplicates, long encrypted) {
        static MailboxCount of(LabWorld lab, String[] recipients) throws Exception {
            long distinct = 0;
            long duplicates = 0;
            long encrypted = 0;
            for (String recipient : recipients) {
                java.util.Set<String> seen = new java.util.HashSet<>();
                try (MailClient client = lab.mail().client(recipient)) {
                    for (var mail : client.inbox()) {
                        String id = mail.summary().messageId();
                        if (id == null || !id.contains("load-")) {
                            continue;
                        }
                        if (seen.add(id)) {
                            distinct++;
                            if (!new String(mail.raw(), java.nio.charset.StandardCharsets.ISO_8859_1)
                                    .contains(LoadMessages.IN_THE_CLEAR)) {
                                encrypted++;
                            }
                        } else {
                            duplicates++;
                        }
                    }
                }
            }
            return new MailboxCount(distinct, duplicates, encrypted);
        }
    }

    /** The peak heap in use, sampled while the load runs. */
    private static final class HeapWatch {
        private final AtomicLong peak = new AtomicLong();
        private final Thread sampler;

        private HeapWatch() {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "lab-load-heap");
            sampler.setDaemon(true);
        }

        static HeapWatch start() {
            HeapWatch watch = new HeapWatch();
            watch.sampler.start();
            return watch;
        }

        long stop() {
            sampler.interrupt();
            return peak.get();
        }
    }

    /** One progress line, rewritten in place, when standard output is a terminal. */
    static final class Progress {
        private final boolean terminal;
        private final PrintWriter out;
        private long lastPrinted;

        Progress(boolean terminal, PrintWriter out) {
            this.terminal = terminal;
            this.out = out;
        }

        synchronized void submitting(int submitted, int total, long started) {
            double rate = submitted / seconds(started);
            print(String.format("submitted %d of %d, %.0f msg/s, ETA %.0f s", submitted, total, rate,
                    (total - submitted) / Math.max(rate, 1)));
        }

        synchronized void submittedAll(int submitted) {
            print("submitted " + submitted + "; waiting for every message to settle");
        }

        synchronized void settling(int submitted, int settled, int recipients, long started) {
            print(String.format("submitted %d, settled %d of %d recipients, %.0f msg/s", submitted, settled, recipients,
                    submitted / seconds(started)));
        }

        synchronized void end() {
            if (terminal) {
                out.print("\r\033[K");
                out.flush();
            }
        }

        private void print(String line) {
            if (!terminal || System.nanoTime() - lastPrinted < 200_000_000L) {
                return;
            }
            lastPrinted = System.nanoTime();
            out.print("\r\033[K" + line);
            out.flush();
        }
    }
}
