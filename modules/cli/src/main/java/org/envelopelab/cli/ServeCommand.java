package org.envelopelab.cli;

import org.envelopelab.mailnet.Account;
import org.envelopelab.mailnet.Site;
import org.envelopelab.scenario.page.ReportPage;
import org.envelopelab.scenario.run.LabWorld;
import org.envelopelab.scenario.run.PortLayout;
import org.envelopelab.scenario.serve.PersonConsole;
import org.envelopelab.scenario.run.ScenarioRunner;
import org.envelopelab.scenario.script.DefaultWorld;
import org.envelopelab.scenario.script.Scenario;
import org.envelopelab.scenario.script.World;
import org.envelopelab.scenario.transcript.Transcript;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code lab serve}: keep a world running so real clients can look in. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Keep a mail world running so real mail clients can look in.",
            "Prints every site's SMTP and IMAP address and every account's login and",
            "password, so Thunderbird, curl or Python's imaplib can look into any mailbox;",
            "runs until Ctrl-C. With a scenario, serves its world after running its steps.",
            "Meanwhile 'lab as <person> ...' acts as one of its people (lab as --help), and",
            "its console takes: down <site> (mail for it waits and is retried), up <site>,",
            "status (the sites and the transport), help."},
        footer = {"", "Examples:", "  ./lab serve", "  ./lab serve bank-statement --base-port 3000",
            "  (then type: down gmail.example ... status ... up gmail.example)"})
final class ServeCommand implements Callable<Integer> {

    /** The default world's lab clock starts here, as the scenarios' usually do. */
    private static final Instant DEFAULT_START = Instant.parse("2026-03-02T09:00:00Z");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", arity = "0..1",
            description = "a scenario whose world to serve (default: the embedded default world)")
    String scenario;

    @Option(names = "--no-run", description = "serve the scenario's world without running its steps")
    boolean noRun;

    @Option(names = "--base-port", paramLabel = "PORT", defaultValue = "0",
            description = "fixed ports: site number i (from 0) gets SMTP PORT+10i and IMAP PORT+10i+1, the portal the "
                    + "next slot after the last site, PORT+10n (default: free ports)")
    int basePort;

    @Option(names = "--stop-after", paramLabel = "DURATION", converter = Durations.class,
            description = "stop after this long (e.g. 30s, 5m) instead of waiting for Ctrl-C")
    Duration stopAfter;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Scenario loaded = null;
        if (scenario != null) {
            loaded = ScenarioFiles.load(scenario, spec.commandLine().getErr());
            if (loaded == null) {
                return ExitCodes.INVALID_INPUT;
            }
        }
        World world = loaded != null ? loaded.world() : DefaultWorld.get();
        PortLayout layout;
        try {
            layout = new PortLayout(basePort, 1 + world.providers().size());
        } catch (IllegalArgumentException badLayout) {
            spec.commandLine().getErr().println("lab serve: " + badLayout.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        Optional<String> taken = FreePorts.firstTaken(layout, world, loaded != null && loaded.service() != null);
        if (taken.isPresent()) {
            spec.commandLine().getErr().println("lab serve: " + taken.get());
            return ExitCodes.INVALID_INPUT;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        // Ctrl-C: let the world close cleanly before the JVM goes.
        Thread hook = new Thread(() -> {
            stopped.countDown();
            awaitQuietly(closed);
        }, "lab-serve-stop");
        String report = null;
        try (LabWorld lab = loaded != null ? LabWorld.start(loaded, basePort)
                : LabWorld.start(world, List.of(), null, 1, DEFAULT_START, basePort)) {
            Runtime.getRuntime().addShutdownHook(hook);
            if (loaded != null && !noRun) {
                out.println("Running " + loaded.source() + " first ...");
                out.flush();
                Transcript transcript = new ScenarioRunner(line -> { }).run(loaded, lab);
                long held = transcript.expectations().stream().filter(Transcript.ExpectationRecord::held).count();
                out.println("Ran " + loaded.source() + ": " + held + " of " + transcript.expectations().size()
                        + " expectations held (./lab run shows the details). Its mail is in the mailboxes below.");
                report = ReportPage.html(transcript);
            }
            // People now act at their own pace: passcodes expire and lockouts end in real time.
            lab.clock().followRealTime();
            describe(lab, out);
            out.println("Lab clock: " + lab.clock().instant().truncatedTo(ChronoUnit.SECONDS)
                    + ", moving with real time from here (a passcode is good for 15 minutes, a lockout lasts 10).");
            out.println("Be one of the people, in another terminal: ./lab as <person> inbox | read N | send | reply N"
                    + " | forward N | portal N   (./lab as --help)");
            // Only now may `lab as` come in: the scenario's mail is all delivered.
            try (ServeControl control = ServeControl.start(new PersonConsole(lab), ScenarioFiles.home(), report)) {
                control.reportUri().ifPresent(uri -> out.println("The run's report, as report.html: " + uri
                        + " (what the steps did; what people do from here is not in it)"));
                out.println(stopAfter == null ? "Serving until Ctrl-C." : "Serving for " + stopAfter.toSeconds() + " s.");
                out.println("Console: " + ServeConsole.HELP + ".");
                out.flush();
                new ServeConsole(lab).listen(System.in, out);
                if (stopAfter == null) {
                    stopped.await();
                } else if (!stopped.await(stopAfter.toMillis(), TimeUnit.MILLISECONDS)) {
                    Runtime.getRuntime().removeShutdownHook(hook);
                }
            }
        } finally {
            closed.countDown();
        }
        out.println("Stopped; the world and its mail are gone.");
        out.flush();
        return ExitCodes.OK;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void describe(LabWorld lab, PrintWriter out) {
        out.println();
        out.printf("%-22s %-24s %-18s %-18s%n", "site", "name", "SMTP", "IMAP");
        for (Site site : lab.sites()) {
            out.printf("%-22s %-24s %-18s %-18s%n", site.domain(), site.name(),
                    site.host() + ":" + site.smtpPort(), site.host() + ":" + site.imapPort());
        }
        out.println();
        out.printf("%-28s %-18s %s%n", "account (login)", "password", "site");
        for (Site site : lab.sites()) {
            for (Account account : site.accounts()) {
                out.printf("%-28s %-18s %s%n", account.address(), account.password(), site.domain());
            }
        }
        lab.portalUri().ifPresent(uri -> {
            out.println();
            out.println("The message encryption service's portal: " + uri + " (wrapper links lead to " + uri + "/read/...)");
        });
        Site first = lab.sites().stream().filter(site -> !site.accounts().isEmpty()).findFirst().orElse(lab.sites().get(0));
        if (!first.accounts().isEmpty()) {
            Account account = first.accounts().get(0);
            out.println();
            out.println("Look into a mailbox (no TLS; plain login):");
            out.println("  curl --url 'imap://" + first.host() + ":" + first.imapPort() + "/INBOX;UID=1' --user '"
                    + account.address() + ":" + account.password() + "'");
            out.println("  python3 -c \"import imaplib; m = imaplib.IMAP4('" + first.host() + "', " + first.imapPort()
                    + "); m.login('" + account.address() + "', '" + account.password()
                    + "'); m.select('INBOX'); print(m.fetch('1', '(RFC822)')[1][0][1].decode())\"");
            out.println("  Thunderbird: IMAP " + first.host() + ":" + first.imapPort() + " and SMTP " + first.host() + ":"
                    + first.smtpPort() + ", connection security none, normal password, user name = the address.");
            out.println("  Mail sent through SMTP with a login goes through the lab's transport like any other.");
        }
        out.println();
    }
}
