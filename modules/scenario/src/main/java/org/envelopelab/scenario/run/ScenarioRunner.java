package org.envelopelab.scenario.run;

import org.envelopelab.people.evidence.Followed;
import org.envelopelab.scenario.judge.Judge;
import org.envelopelab.scenario.script.Scenario;
import org.envelopelab.scenario.script.Step;
import org.envelopelab.scenario.script.World;
import org.envelopelab.scenario.steps.StepKind;
import org.envelopelab.scenario.steps.StepKinds;
import org.envelopelab.scenario.transcript.Transcript;
import org.envelopelab.scenario.transcript.Transcript.MessageRecord;
import org.envelopelab.scenario.transcript.Transcript.StepRecord;
import org.envelopelab.transport.Envelope;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a validated scenario step by step in a {@link LabWorld}, narrating as it goes, and
 * returns the {@link Transcript}: the steps, the timeline of evidence, and the judge's table of
 * who could read what for every message. A step that cannot be done is recorded as an error and
 * the run goes on, so one failure does not hide what the rest would show.
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
        Stage stage = new Stage(scenario, lab, progress);
        introduce(stage);
        List<StepRecord> steps = new ArrayList<>();
        int total = scenario.steps().size();
        int number = 0;
        for (Step step : scenario.steps()) {
            number++;
            stage.beginStep(number, "[" + number + "/" + total + "] ");
            StepKind<?> kind = StepKinds.of(step);
            Status status;
            try {
                status = kind.perform(stage, step);
            } catch (Exception e) {
                status = Status.ERROR;
                stage.say("    the lab could not do this step: " + reason(e));
            }
            stage.witness();
            steps.add(new StepRecord(number, step.line(), kind.key(), status, stage.narration()));
        }
        stage.beginStep(number + 1, "");
        if (!lab.routes().awaitQuiet(FINAL_SETTLE)) {
            stage.say("Some mail was still in the transport after " + FINAL_SETTLE.toSeconds()
                    + " s; the report shows it as pending.");
        } else if (lab.routes().ledger().pendingCount() > 0) {
            stage.say(lab.routes().ledger().pendingCount() + " copies wait in the retry queue for their next try;"
                    + " the report shows them as pending (a 'wait' step lets lab time pass until they settle).");
        }
        stage.witness();
        List<MessageRecord> messages = stage.followed().stream().map(send -> messageRecord(stage, send)).toList();
        boolean passed = steps.stream().allMatch(step -> step.status() == Status.OK);
        return new Transcript(scenario.title(), scenario.source(), scenario.summary(), scenario.seed(),
                scenario.clock().toString(), sites(lab), people(scenario, lab), List.copyOf(steps), messages,
                stage.expectations(), lab.timeline().entries(), lab.routes().ledger().totals(),
                lab.routes().ledger().totals(Envelope.Kind.REPORT),
                lab.routes().deadLetters().all().stream()
                        .map(letter -> new Transcript.DeadLetterRecord(letter.envelope().messageId(),
                                letter.recipients(), letter.reason()))
                        .toList(),
                passed);
    }

    private static void introduce(Stage stage) {
        Scenario scenario = stage.scenario();
        stage.say("Scenario: " + scenario.title() + " (" + scenario.source() + ")");
        if (!scenario.summary().isBlank()) {
            wrap(scenario.summary(), 96).forEach(line -> stage.say("  " + line));
        }
        stage.lab().sites().forEach(site -> stage.say("  site " + site.domain() + ": " + site.name() + ", "
                + site.kind().description() + ", " + site.accounts().size()
                + (site.accounts().size() == 1 ? " account" : " accounts")));
        stage.lab().service().ifPresent(service -> stage.say("  message encryption service: " + ServicePlan.describe(service.tenant())));
    }

    private static MessageRecord messageRecord(Stage stage, Step.Send send) {
        LabWorld lab = stage.lab();
        String header = stage.messageId(send.id()).orElseThrow();
        Map<String, String> outcomes = new LinkedHashMap<>();
        List<String> reports = List.of();
        var journey = lab.routes().ledger().journey(header);
        if (journey.isPresent()) {
            journey.get().outcomes().forEach((recipient, outcome) -> outcomes.put(recipient, outcome.describe()));
            reports = journey.get().reports();
        }
        Followed followed = lab.timeline().followed(header).orElseThrow();
        return new MessageRecord(send.id(), header, send.from(), send.to(), send.cc(), send.bcc(), send.subject(),
                outcomes, reports, serviceLog(lab, header), Judge.judge(followed, lab.timeline().entries()));
    }

    /** The service's audit entries for a message, without times and passcode traffic (their timing and references vary). */
    private static List<String> serviceLog(LabWorld lab, String messageId) {
        return lab.service().map(labService -> labService.audit().entriesFor(messageId).stream()
                .filter(entry -> !entry.kind().name().startsWith("PASSCODE"))
                .map(entry -> entry.kind().label() + " (" + entry.actor() + ")"
                        + (entry.detail().isEmpty() ? "" : ": " + entry.detail()))
                .toList()).orElse(List.of());
    }

    private static List<Transcript.SiteRecord> sites(LabWorld lab) {
        return lab.sites().stream()
                .map(site -> new Transcript.SiteRecord(site.name(), site.domain(), site.kind().description()))
                .toList();
    }

    private static List<Transcript.PersonRecord> people(Scenario scenario, LabWorld lab) {
        World world = scenario.world();
        return world.everyone().stream()
                .map(person -> new Transcript.PersonRecord(person.id(), person.name(), person.address(),
                        lab.mail().directory().siteFor(person.address()).map(site -> site.domain()).orElse("")))
                .toList();
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

    static String reason(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.strip().lines().findFirst().orElse(message);
    }
}
