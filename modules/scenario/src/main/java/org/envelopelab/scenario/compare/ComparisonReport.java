package org.envelopelab.scenario.compare;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.envelopelab.people.evidence.Access;
import org.envelopelab.people.evidence.Party;
import org.envelopelab.scenario.judge.Verdict;
import org.envelopelab.scenario.run.Status;
import org.envelopelab.scenario.script.DeliveryPath;
import org.envelopelab.scenario.script.Scenario;
import org.envelopelab.scenario.script.ServiceConfig;
import org.envelopelab.scenario.transcript.Transcript;
import org.envelopelab.service.tenant.Feature;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code lab compare} found, as data: for every message, one row per party and one cell per
 * path saying what that party could read; then what each path cost. Written as {@code compare.json}
 * and {@code compare.md}, and printed in the terminal.
 *
 * @param title          the scenario's title
 * @param source         the scenario file
 * @param paths          the paths, in column order
 * @param defaultService whether the service path used the lab's default service (the scenario has none)
 * @param messages       a table per message
 * @param costs          what each path cost, a row per question
 * @param runs           each path's run: its time, bytes, and steps that did not go as planned
 */
public record ComparisonReport(String title, String source, List<DeliveryPath> paths, boolean defaultService,
                               List<MessageTable> messages, List<CostRow> costs, List<RunSummary> runs) {

    /** One message: a row per party, a cell per path. */
    public record MessageTable(String id, String subject, String from, List<Row> rows) {
    }

    /** One party across the paths; a cell is null where the party took no part in that path. */
    public record Row(String party, String kind, List<Cell> cells) {
    }

    /**
     * What one party could read on one path.
     *
     * @param text    the short form the tables print: "reads: card number", "ciphertext", "wrapper only"
     * @param body    the body's access
     * @param secrets the secrets it saw
     * @param history how its access went
     */
    public record Cell(String text, Access body, List<String> secrets, String history) {
    }

    /**
     * One cost, a value per path.
     *
     * @param question what it asks
     * @param answers  the answer per path, in words
     * @param amounts  the answer per path as a number, where the cost is one (certificates and exchanges, portal
     *                 visits, milliseconds, bytes); empty where it is not
     */
    public record CostRow(String question, List<String> answers, List<Long> amounts) {
    }

    /** A path's run, measured. */
    public record RunSummary(DeliveryPath path, long millis, long bytesOnWire, List<String> stepsNotAsPlanned) {
    }

    /** A path as it ran (not written out: its transcript is the evidence the tables are made of). */
    record PathRun(DeliveryPath path, @JsonIgnore Transcript transcript, long millis, long bytesOnWire, int exchanges,
                   int certificates, int attacksFrom) {

        /** Steps that did not go as planned: any before the attacks, and any the lab could not do. */
        List<String> notAsPlanned() {
            return transcript.steps().stream()
                    .filter(step -> step.status() == Status.ERROR || step.status() != Status.OK && step.number() < attacksFrom)
                    .map(step -> step.kind() + ": " + lastLine(step)).toList();
        }
    }

    static ComparisonReport of(Scenario scenario, List<ComparedMessage> messages, ServiceConfig service,
                               boolean defaultService, List<PathRun> runs) {
        List<MessageTable> tables = new ArrayList<>();
        for (ComparedMessage message : messages) {
            tables.add(table(message, runs));
        }
        List<RunSummary> summaries = runs.stream().map(run -> new RunSummary(run.path(), run.millis(), run.bytesOnWire(),
                run.notAsPlanned())).toList();
        return new ComparisonReport(scenario.title(), scenario.source(), runs.stream().map(PathRun::path).toList(),
                defaultService, tables, Costs.of(service, defaultService, messages, runs), summaries);
    }

    private static MessageTable table(ComparedMessage message, List<PathRun> runs) {
        Map<String, Party> parties = new LinkedHashMap<>();
        Map<String, Integer> firstSeen = new LinkedHashMap<>();
        for (PathRun run : runs) {
            for (Verdict verdict : Comparison.verdicts(run.transcript(), message.send().id())) {
                parties.putIfAbsent(verdict.party().label(), verdict.party());
                firstSeen.putIfAbsent(verdict.party().label(), firstSeen.size());
            }
        }
        List<String> order = new ArrayList<>(parties.keySet());
        order.sort(Comparator.comparingInt((String label) -> rank(parties.get(label).kind()))
                .thenComparingInt(firstSeen::get));
        List<Row> rows = new ArrayList<>();
        for (String label : order) {
            List<Cell> cells = new ArrayList<>();
            for (PathRun run : runs) {
                cells.add(Comparison.verdicts(run.transcript(), message.send().id()).stream()
                        .filter(verdict -> verdict.party().label().equals(label)).findFirst()
                        .map(ComparisonReport::cell).orElse(null));
            }
            rows.add(new Row(label, parties.get(label).kind().name().toLowerCase(), cells));
        }
        return new MessageTable(message.send().id(), message.send().subject(), message.send().from(), rows);
    }

    /** Senders first, then the services and the wire, the mailboxes and recipients, then the parties who attack. */
    private static int rank(Party.Kind kind) {
        return switch (kind) {
            case SENDER -> 0;
            case SERVICE -> 1;
            case WIRE -> 2;
            case MAILBOX, RECIPIENT -> 3;
            case FORWARDEE -> 4;
            case THIEF -> 5;
            case LINK_HOLDER -> 6;
        };
    }

    static Cell cell(Verdict verdict) {
        String text = switch (verdict.body()) {
            case READABLE -> "reads" + (verdict.attachments() == Access.READABLE ? " + files" : "")
                    + (verdict.secrets().isEmpty() ? "" : ": " + String.join(", ", verdict.secrets()));
            case ENCRYPTED -> "ciphertext";
            case NOT_IN_COPY -> "wrapper only";
            case NONE -> verdict.headers() == Access.READABLE ? "headers only" : "nothing";
            case NEVER -> verdict.history().contains("refused") ? "refused" : "nothing";
        };
        if (verdict.history().contains("refused") && !text.equals("refused")) {
            text += verdict.body() == Access.READABLE ? " (refused later)" : " (refused)";
        }
        return new Cell(text, verdict.body(), verdict.secrets(), verdict.history());
    }

    private static String lastLine(Transcript.StepRecord step) {
        return step.narration().isEmpty() ? "" : step.narration().get(step.narration().size() - 1).strip();
    }

    /** Whether a path's organization could revoke and journal with this service. */
    static boolean revocable(ServiceConfig service) {
        return service.tenant().allows(Feature.REVOCATION);
    }
}
