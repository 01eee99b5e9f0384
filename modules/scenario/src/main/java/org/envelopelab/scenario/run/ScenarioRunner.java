package org.envelopelab.scenario.run;

import org.envelopelab.routes.delivery.Envelope;
import org.envelopelab.scenario.script.Scenario;
import org.envelopelab.scenario.script.Step;
import org.envelopelab.scenario.script.World;
import org.envelopelab.scenario.transcript.Observation;
import org.envelopelab.scenario.transcript.Transcript;
import org.envelopelab.scenario.transcript.Transcript.ExpectationRecord;
import org.envelopelab.scenario.transcript.Transcript.MessageRecord;
import org.envelopelab.scenario.transcript.Transcript.StepRecord;

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

    /** One run: the steps in order, then the transcript. */
    private final class Run {
        private final RunState state;
        private final Scenario scenario;
        private final LabWorld lab;
        private final Expectations expectations;
        private final MailSteps mail;
        private final CertificateSteps certificates;
        private final ServiceSteps service;
        private final List<StepRecord> steps = new ArrayList<>();
        private final List<ExpectationRecord> results = new ArrayList<>();

        Run(Scenario scenario, LabWorld lab) {
            this.state = new RunState(scenario, lab, progress);
            this.scenario = scenario;
            this.lab = lab;
            this.expectations = new Expectations(lab, state.messageIds::get, this::observations);
            this.mail = new MailSteps(state);
            this.certificates = new CertificateSteps(state);
            this.service = new ServiceSteps(state);
        }

        Transcript execute() throws InterruptedException {
            state.say("Scenario: " + scenario.title() + " (" + scenario.source() + ")");
            if (!scenario.summary().isBlank()) {
                wrap(scenario.summary(), 96).forEach(line -> state.say("  " + line));
            }
            lab.sites().forEach(site -> state.say("  site " + site.domain() + ": " + site.name() + ", "
                    + site.kind().description() + ", " + site.accounts().size()
                    + (site.accounts().size() == 1 ? " account" : " accounts")));
            int number = 0;
            for (Step step : scenario.steps()) {
                number++;
                state.beginStep(number);
                String status;
                try {
                    status = perform(step, "[" + number + "/" + scenario.steps().size() + "] ");
                } catch (Exception e) {
                    status = "error";
                    state.say("    the lab could not do this step: " + reason(e));
                }
                steps.add(new StepRecord(number, step.line(), kind(step), status, state.narration()));
            }
            state.beginStep(number + 1);
            if (!lab.routes().awaitSettled(FINAL_SETTLE)) {
                state.say("Some mail was still in the transport after " + FINAL_SETTLE.toSeconds()
                        + " s; the report shows it as pending.");
            }
            List<MessageRecord> messages = state.sends.values().stream()
                    .filter(send -> state.messageIds.containsKey(send.id()))
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

        private String perform(Step step, String headline) throws Exception {
            if (step instanceof Step.Note note) {
                state.say(headline + "note: " + note.text().strip());
                return "ok";
            }
            if (step instanceof Step.Send send) {
                state.say(headline + "send '" + send.id() + "': " + send.from() + " writes \"" + send.subject() + "\"");
                return mail.send(send);
            }
            if (step instanceof Step.Wait wait) {
                state.say(headline + "wait for delivery (up to " + wait.timeout().toSeconds() + " s)");
                return mail.await(wait);
            }
            if (step instanceof Step.Read read) {
                state.say(headline + read.who() + " opens " + read.folder());
                return mail.read(read);
            }
            if (step instanceof Step.ExchangeCertificates exchange) {
                state.say(headline + exchange.first() + " and " + exchange.second() + " exchange certificates by signed mail");
                return certificates.exchange(exchange);
            }
            if (step instanceof Step.PublishCertificate publish) {
                state.say(headline + "publish " + publish.who() + "'s certificate in the directory");
                return certificates.publish(publish);
            }
            if (step instanceof Step.RevokeCertificate revoke) {
                state.say(headline + "revoke " + revoke.who() + "'s certificate");
                return certificates.revoke(revoke);
            }
            if (step instanceof Step.Portal portal) {
                state.say(headline + portal.who() + " reads '" + portal.message() + "' in the portal");
                return service.portal(portal);
            }
            if (step instanceof Step.Forward forward) {
                state.say(headline + forward.who() + " forwards '" + forward.message() + "' to " + String.join(", ", forward.to()));
                return service.forward(forward);
            }
            if (step instanceof Step.Revoke revoke) {
                state.say(headline + revoke.by() + " revokes '" + revoke.message() + "'");
                return service.revoke(revoke);
            }
            if (step instanceof Step.AdvanceClock advance) {
                lab.clock().advance(advance.by());
                state.say(headline + "time passes: " + describe(advance.by()) + "; the lab clock now reads " + lab.clock().instant());
                return "ok";
            }
            ExpectationRecord result = expectations.check((Step.Expect) step);
            results.add(result);
            state.say(headline + "expect: " + result.claim());
            state.say("    " + (result.held() ? "ok" : "FAILED") + " -- " + result.evidence());
            return result.held() ? "ok" : "failed";
        }

        private List<Observation> observations(String id) {
            String header = state.messageIds.get(id);
            return header == null ? List.of() : state.observatory.observe(state.sends.get(id), header);
        }

        private MessageRecord messageRecord(Step.Send send) {
            String header = state.messageIds.get(send.id());
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
            return lab.service().map(labService -> labService.audit().entriesFor(messageId).stream()
                    .filter(entry -> !entry.kind().name().startsWith("PASSCODE"))
                    .map(entry -> entry.kind().label() + " (" + entry.actor() + ")"
                            + (entry.detail().isEmpty() ? "" : ": " + entry.detail()))
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
    }

    /** Words into lines of at most {@code width} characters, for the summary at the top of a run. */
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

    /** The step's kind as scripts write it: "send", "expect", "exchange-certificates". */
    private static String kind(Step step) {
        String name = step.getClass().getSimpleName();
        if (name.startsWith("Expect")) {
            return "expect";
        }
        return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String describe(Duration duration) {
        if (duration.toDays() > 0 && duration.toHoursPart() == 0 && duration.toMinutesPart() == 0) {
            return duration.toDays() + (duration.toDays() == 1 ? " day" : " days");
        }
        return duration.toHours() > 0 && duration.toMinutesPart() == 0 ? duration.toHours() + " hours" : duration.toMinutes() + " minutes";
    }

    static String reason(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.strip().lines().findFirst().orElse(message);
    }
}
