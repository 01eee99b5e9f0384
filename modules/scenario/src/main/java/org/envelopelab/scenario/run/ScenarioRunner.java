package org.envelopelab.scenario.run;

import org.envelopelab.mailnet.MailSummary;
import org.envelopelab.routes.delivery.Envelope;
import org.envelopelab.routes.ledger.Disposition;
import org.envelopelab.routes.ledger.Journey;
import org.envelopelab.pki.CertificateAuthority;
import org.envelopelab.pki.Certificates;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.envelopelab.routes.senders.Draft;
import org.envelopelab.service.protection.ProtectionException;
import org.envelopelab.service.protection.RightsException;
import org.envelopelab.smime.EncryptionOptions;
import org.envelopelab.smime.client.Protection;
import org.envelopelab.scenario.script.Scenario;
import org.envelopelab.scenario.script.Step;
import org.envelopelab.scenario.script.World;
import org.envelopelab.scenario.transcript.Observation;
import org.envelopelab.scenario.transcript.Transcript;
import org.envelopelab.scenario.transcript.Transcript.ExpectationRecord;
import org.envelopelab.scenario.transcript.Transcript.MessageRecord;
import org.envelopelab.scenario.transcript.Transcript.StepRecord;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a validated scenario step by step in a {@link LabWorld}, narrating as it goes, and
 * returns the {@link Transcript}. A step that cannot be done is recorded as an error and the run
 * goes on, so one failure does not hide what the rest would show.
 */
public final class ScenarioRunner {

    /** How long the run waits, at the end, for mail still in the transport before it reports. */
    private static final Duration FINAL_SETTLE = Duration.ofSeconds(30);
    /**
     * The lab clock moves only between steps, never while mail is in the transport, so every run
     * stamps the same times: a minute passes each time the mail settles, and days pass on request.
     */
    private static final Duration SETTLED_MAIL_TAKES = Duration.ofMinutes(1);

    /** How long a certificate exchange waits for its two signed messages. */
    private static final Duration EXCHANGE_SETTLE = Duration.ofSeconds(30);

    private final Consumer<String> progress;

    /** @param progress receives each narration line as it happens (a terminal, a test's list) */
    public ScenarioRunner(Consumer<String> progress) {
        this.progress = progress;
    }

    /** Starts the scenario's world on free ports, runs the scenario, and stops the world. */
    public Transcript run(Scenario scenario) throws Exception {
        try (LabWorld lab = LabWorld.start(scenario, 0)) {
            return run(scenario, lab);
        }
    }

    /** Runs the scenario in a world the caller started (and will stop). */
    public Transcript run(Scenario scenario, LabWorld lab) throws Exception {
        return new Run(scenario, lab).execute();
    }

    /** The state of one run. */
    private final class Run {
        private final Scenario scenario;
        private final LabWorld lab;
        private final Observatory observatory;
        private final Expectations expectations;
        private final Map<String, String> messageIds = new LinkedHashMap<>();
        private int step;
        private int reportedByLastWait;
        private final List<StepRecord> steps = new ArrayList<>();
        private final List<ExpectationRecord> results = new ArrayList<>();
        private List<String> narration = new ArrayList<>();

        Run(Scenario scenario, LabWorld lab) {
            this.scenario = scenario;
            this.lab = lab;
            this.observatory = new Observatory(lab);
            this.expectations = new Expectations(lab, messageIds::get, this::observations);
        }

        Transcript execute() throws InterruptedException {
            say("Scenario: " + scenario.title() + " (" + scenario.source() + ")");
            if (!scenario.summary().isBlank()) {
                wrap(scenario.summary(), 96).forEach(line -> say("  " + line));
            }
            lab.sites().forEach(site -> say("  site " + site.domain() + ": " + site.name() + ", " + site.kind().description()
                    + ", " + site.accounts().size() + (site.accounts().size() == 1 ? " account" : " accounts")));
            int number = 0;
            for (Step step : scenario.steps()) {
                number++;
                this.step = number;
                narration = new ArrayList<>();
                String status;
                try {
                    status = perform(step, number);
                } catch (Exception e) {
                    status = "error";
                    say("    the lab could not do this step: " + reason(e));
                }
                steps.add(new StepRecord(number, step.line(), kind(step), status, List.copyOf(narration)));
            }
            narration = new ArrayList<>();
            if (!lab.routes().awaitSettled(FINAL_SETTLE)) {
                say("Some mail was still in the transport after " + FINAL_SETTLE.toSeconds() + " s; the report shows it as pending.");
            }
            List<MessageRecord> messages = scenario.sends().stream()
                    .filter(send -> messageIds.containsKey(send.id()))
                    .map(this::messageRecord)
                    .toList();
            boolean passed = steps.stream().allMatch(step -> step.status().equals("ok"));
            return new Transcript(scenario.title(), scenario.source(), scenario.summary(), scenario.seed(),
                    scenario.clock().toString(), sites(), people(), List.copyOf(steps), messages, List.copyOf(results),
                    lab.routes().ledger().totals(), lab.routes().ledger().totals(Envelope.Kind.REPORT),
                    lab.routes().deadLetters().all().stream()
                            .map(letter -> new Transcript.DeadLetterRecord(letter.envelope().messageId(),
                                    letter.recipients(), letter.reason()))
                            .toList(),
                    passed);
        }

        private String perform(Step step, int number) throws Exception {
            String headline = "[" + number + "/" + scenario.steps().size() + "] ";
            if (step instanceof Step.Note note) {
                say(headline + "note: " + note.text().strip());
                return "ok";
            }
            if (step instanceof Step.Send send) {
                say(headline + "send '" + send.id() + "': " + send.from() + " writes \"" + send.subject() + "\"");
                return send(send);
            }
            if (step instanceof Step.Wait wait) {
                say(headline + "wait for delivery (up to " + wait.timeout().toSeconds() + " s)");
                return await(wait);
            }
            if (step instanceof Step.Read read) {
                say(headline + read.who() + " opens " + read.folder());
                return read(read);
            }
            if (step instanceof Step.ExchangeCertificates exchange) {
                say(headline + exchange.first() + " and " + exchange.second() + " exchange certificates by signed mail");
                return exchange(exchange);
            }
            if (step instanceof Step.PublishCertificate publish) {
                say(headline + "publish " + publish.who() + "'s certificate in the directory");
                return publish(publish);
            }
            if (step instanceof Step.Portal portal) {
                say(headline + portal.who() + " reads '" + portal.message() + "' in the portal");
                return portal(portal);
            }
            if (step instanceof Step.Forward forward) {
                say(headline + forward.who() + " forwards '" + forward.message() + "' to " + String.join(", ", forward.to()));
                return forward(forward);
            }
            if (step instanceof Step.Revoke revoke) {
                say(headline + revoke.by() + " revokes '" + revoke.message() + "'");
                return revoke(revoke);
            }
            if (step instanceof Step.AdvanceClock advance) {
                lab.clock().advance(advance.by());
                say(headline + "time passes: " + describe(advance.by()) + "; the lab clock now reads " + lab.clock().instant());
                return "ok";
            }
            if (step instanceof Step.RevokeCertificate revoke) {
                say(headline + "revoke " + revoke.who() + "'s certificate");
                return revoke(revoke);
            }
            Step.Expect expect = (Step.Expect) step;
            ExpectationRecord result = expectations.check(expect);
            results.add(result);
            say(headline + "expect: " + result.claim());
            say("    " + (result.held() ? "ok" : "FAILED") + " -- " + result.evidence());
            return result.held() ? "ok" : "failed";
        }

        private String send(Step.Send send) throws Exception {
            String messageId = "<" + send.id() + "." + scenario.seed() + "@" + domainOf(send.from()) + ">";
            Draft draft = new Draft(send.from(), send.to(), send.cc(), send.bcc(), send.subject(), send.text(), send.html(),
                    send.attachments().stream()
                            .map(file -> new Draft.Attachment(file.name(), file.contentType(), file.content()))
                            .toList(),
                    messageId, protection(send.smime()));
            String sent;
            try {
                sent = lab.routes().send(draft);
            } catch (Exception refused) {
                if (send.failsWith() == null) {
                    throw refused;
                }
                String why = reason(refused);
                boolean expected = why.contains(send.failsWith());
                say("    " + send.from() + "'s client refused to send it: " + why);
                say("    " + (expected ? "ok -- refused as the scenario expects" : "FAILED -- the scenario expected an error containing \""
                        + send.failsWith() + "\""));
                return expected ? "ok" : "failed";
            }
            if (send.failsWith() != null) {
                say("    FAILED -- it was sent, but the scenario expected the client to refuse with \"" + send.failsWith() + "\"");
                messageIds.put(send.id(), sent);
                return "failed";
            }
            messageIds.put(send.id(), sent);
            if (draft.protection() != null) {
                say("    " + send.from() + "'s client protected it with S/MIME: " + draft.protection().describe());
            }
            List<String> to = new ArrayList<>();
            to.add("to " + String.join(", ", send.to()));
            if (!send.cc().isEmpty()) {
                to.add("cc " + String.join(", ", send.cc()));
            }
            if (!send.bcc().isEmpty()) {
                to.add("bcc " + String.join(", ", send.bcc()));
            }
            say("    submitted over SMTP to " + domainOf(send.from()) + ", " + String.join("; ", to)
                    + (send.attachments().isEmpty() ? "" : "; attached " + send.attachments().stream()
                            .map(Step.Attachment::name).collect(java.util.stream.Collectors.joining(", "))));
            return "ok";
        }

        private String await(Step.Wait wait) throws InterruptedException {
            boolean settled = lab.routes().awaitSettled(wait.timeout());
            List<Map.Entry<String, String>> sent = new ArrayList<>(messageIds.entrySet());
            for (Map.Entry<String, String> message : sent.subList(reportedByLastWait, sent.size())) {
                lab.routes().ledger().journey(message.getValue())
                        .ifPresent(journey -> say("    '" + message.getKey() + "': " + fate(journey)));
            }
            reportedByLastWait = sent.size();
            if (!settled) {
                say("    timed out: " + lab.routes().ledger().totals().pending() + " copies are still in the transport");
                return "failed";
            }
            lab.clock().advance(SETTLED_MAIL_TAKES);
            say("    every message is settled: delivered, bounced or dead-lettered");
            return "ok";
        }

        private String read(Step.Read read) throws Exception {
            List<Observatory.Received> received = observatory.read(read.who(), read.folder());
            say("    downloaded " + received.size() + (received.size() == 1 ? " message" : " messages") + " over IMAP");
            for (Observatory.Received mail : received) {
                MailSummary summary = mail.mail().summary();
                say("      \"" + summary.subject() + "\" from " + summary.from());
                mail.notes().forEach(note -> say("        " + note));
            }
            return "ok";
        }

        /** Each signs a short note to the other; both read it; each client learns the other's certificate. */
        private String exchange(Step.ExchangeCertificates exchange) throws Exception {
            String[][] pairs = {{exchange.first(), exchange.second()}, {exchange.second(), exchange.first()}};
            for (String[] pair : pairs) {
                String messageId = "<certificate-exchange." + step + "." + localPart(pair[0]) + "." + scenario.seed() + "@"
                        + domainOf(pair[0]) + ">";
                lab.routes().send(new Draft(pair[0], List.of(pair[1]), List.of(), List.of(), "My certificate",
                        "Hello, this message is signed so that your client keeps my certificate.", "", List.of(),
                        messageId, Protection.signOnly()));
                say("    " + pair[0] + " sends " + pair[1] + " a signed message");
            }
            if (!lab.routes().awaitSettled(EXCHANGE_SETTLE)) {
                say("    the signed messages were not delivered in time");
                return "failed";
            }
            lab.clock().advance(SETTLED_MAIL_TAKES);
            boolean learned = true;
            for (String[] pair : pairs) {
                observatory.read(pair[1], "INBOX");
                boolean knows = lab.smimeClient(pair[1]).addressBook().lookup(pair[0]).isPresent();
                learned &= knows;
                say("    " + pair[1] + " reads it: " + (knows ? "their client now holds " + pair[0] + "'s certificate"
                        : "their client did not keep " + pair[0] + "'s certificate"));
            }
            return learned ? "ok" : "failed";
        }

        private String portal(Step.Portal step) throws Exception {
            String messageId = messageIds.get(step.message());
            PortalVisitor.Outcome outcome = new PortalVisitor(lab, observatory, this::say)
                    .visit(step.who(), messageId, step.reply(), step.forwardTo());
            observatory.visited(step.who(), messageId, new Observatory.PortalVisit(outcome.view(), outcome.refusal()));
            return outcome(outcome.refused(), outcome.refusal(), step.failsWith(), "the portal");
        }

        private String forward(Step.Forward step) throws Exception {
            String messageId = messageIds.get(step.message());
            var copy = lab.client(step.who()).fetch("INBOX").stream()
                    .filter(mail -> mail.summary().messageId().equals(messageId)).findFirst();
            if (copy.isEmpty()) {
                say("    " + step.who() + " has no copy of it in their INBOX");
                return step.failsWith() == null ? "failed" : "ok";
            }
            var reader = lab.service().orElseThrow().protection().reader();
            try {
                var reading = reader.read(copy.get().raw(), step.who());
                byte[] forward = reader.forward(reading, step.to());
                MimeMessage message = new MimeMessage(Session.getInstance(new java.util.Properties()),
                        new java.io.ByteArrayInputStream(forward));
                lab.client(step.who()).submit(message, step.to());
                say("    " + step.who() + "'s client forwards it, asking the service to protect the new copy ("
                        + reading.license().template() + ")");
                return outcome(false, "", step.failsWith(), step.who() + "'s client");
            } catch (RightsException | ProtectionException refused) {
                return outcome(true, refused.getMessage(), step.failsWith(), step.who() + "'s client");
            }
        }

        private String revoke(Step.Revoke step) {
            String messageId = messageIds.get(step.message());
            lab.service().orElseThrow().protection().revoke(messageId, step.by());
            say("    revoked: the portal refuses it from now on; copies already read inline in the organization"
                    + " cannot be pulled back");
            return "ok";
        }

        /** Reports an action that was refused or not, against what the script expected. */
        private String outcome(boolean refused, String refusal, String failsWith, String who) {
            if (refused) {
                say("    " + who + " refused: " + refusal);
                if (failsWith == null) {
                    return "failed";
                }
                boolean expected = refusal.contains(failsWith);
                say("    " + (expected ? "ok -- refused as the scenario expects"
                        : "FAILED -- the scenario expected a refusal containing \"" + failsWith + "\""));
                return expected ? "ok" : "failed";
            }
            if (failsWith != null) {
                say("    FAILED -- it worked, but the scenario expected a refusal containing \"" + failsWith + "\"");
                return "failed";
            }
            return "ok";
        }

        private String publish(Step.PublishCertificate publish) {
            X509Certificate certificate = certificateOf(publish.who());
            lab.pki().directory().publish(certificate);
            say("    the directory now lists " + Certificates.describe(certificate));
            return "ok";
        }

        private String revoke(Step.RevokeCertificate revoke) {
            X509Certificate certificate = certificateOf(revoke.who());
            CertificateAuthority ca = lab.pki().issuerOf(certificate).orElseThrow();
            ca.revoke(certificate, CertificateAuthority.RevocationReason.KEY_COMPROMISE);
            say("    " + ca.name() + " revoked serial " + certificate.getSerialNumber() + "; its CRL now lists it");
            return "ok";
        }

        private X509Certificate certificateOf(String who) {
            return lab.smimeClient(who).credential().orElseThrow().certificate();
        }

        private Protection protection(Step.SmimeOptions smime) {
            return smime == null ? null : new Protection(smime.sign(), smime.encrypt(), smime.form(),
                    new EncryptionOptions(smime.cipher(), smime.keyTransport()));
        }

        private List<Observation> observations(String messageId) {
            Step.Send send = scenario.send(messageId).orElseThrow();
            String header = messageIds.get(messageId);
            return header == null ? List.of() : observatory.observe(send, header);
        }

        private MessageRecord messageRecord(Step.Send send) {
            String header = messageIds.get(send.id());
            Map<String, String> outcomes = new LinkedHashMap<>();
            List<String> reports = List.of();
            var journey = lab.routes().ledger().journey(header);
            if (journey.isPresent()) {
                journey.get().outcomes().forEach((recipient, outcome) -> outcomes.put(recipient, outcome.describe()));
                reports = journey.get().reports();
            }
            List<Observation> observations = observations(send.id());
            return new MessageRecord(send.id(), header, send.from(), send.to(), send.cc(), send.bcc(), send.subject(),
                    outcomes, reports, serviceLog(header), observations);
        }

        /** The service's audit entries for a message, without times and passcode traffic (their timing and references vary). */
        private List<String> serviceLog(String messageId) {
            return lab.service().map(service -> service.audit().entriesFor(messageId).stream()
                    .filter(entry -> !entry.kind().name().startsWith("PASSCODE"))
                    .map(entry -> entry.kind().label() + " (" + entry.actor()
                            + ")" + (entry.detail().isEmpty() ? "" : ": " + entry.detail()))
                    .toList()).orElse(List.of());
        }

        private List<Transcript.SiteRecord> sites() {
            return lab.sites().stream()
                    .map(site -> new Transcript.SiteRecord(site.name(), site.domain(), site.kind().description()))
                    .toList();
        }

        private List<Transcript.PersonRecord> people() {
            World world = scenario.world();
            return world.everyone().stream()
                    .map(person -> new Transcript.PersonRecord(person.id(), person.name(), person.address(),
                            lab.mail().directory().siteFor(person.address()).map(site -> site.domain()).orElse("")))
                    .toList();
        }

        private static List<String> wrap(String text, int width) {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.strip().split("\\s+")) {
                if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(line.length() > 0 ? " " : "").append(word);
            }
            if (line.length() > 0) {
                lines.add(line.toString());
            }
            return lines;
        }

        private void say(String line) {
            narration.add(line);
            progress.accept(line);
        }
    }

    private static String fate(Journey journey) {
        Map<Disposition, List<String>> by = new LinkedHashMap<>();
        journey.outcomes().forEach((recipient, outcome) ->
                by.computeIfAbsent(outcome.disposition(), d -> new ArrayList<>()).add(recipient));
        List<String> parts = new ArrayList<>();
        by.forEach((disposition, recipients) -> parts.add(name(disposition) + " " + String.join(", ", recipients)));
        if (!journey.reports().isEmpty()) {
            parts.add("the sender got " + (journey.reports().size() == 1 ? "a non-delivery report"
                    : journey.reports().size() + " non-delivery reports"));
        }
        return String.join("; ", parts);
    }

    private static String name(Disposition disposition) {
        return switch (disposition) {
            case PENDING -> "pending for";
            case DELIVERED -> "delivered to";
            case BOUNCED -> "bounced for";
            case DEAD_LETTERED -> "dead-lettered for";
        };
    }

    private static String kind(Step step) {
        return step.getClass().getSimpleName().replaceFirst("^Expect.*", "expect").toLowerCase(Locale.ROOT);
    }

    private static String describe(Duration duration) {
        if (duration.toDays() > 0 && duration.toHoursPart() == 0 && duration.toMinutesPart() == 0) {
            return duration.toDays() + (duration.toDays() == 1 ? " day" : " days");
        }
        return duration.toHours() > 0 && duration.toMinutesPart() == 0 ? duration.toHours() + " hours" : duration.toMinutes() + " minutes";
    }

    private static String localPart(String address) {
        return address.substring(0, address.indexOf('@'));
    }

    private static String domainOf(String address) {
        return address.substring(address.indexOf('@') + 1);
    }

    private static String reason(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.strip().lines().findFirst().orElse(message);
    }
}
