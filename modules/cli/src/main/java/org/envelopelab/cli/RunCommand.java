package org.envelopelab.cli;

import org.envelopelab.scenario.run.ScenarioRunner;
import org.envelopelab.scenario.script.Scenario;
import org.envelopelab.scenario.transcript.VerdictTable;
import org.envelopelab.scenario.transcript.ReportWriter;
import org.envelopelab.scenario.run.Status;
import org.envelopelab.scenario.transcript.Transcript;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code lab run}: the main job. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a scenario and report who could read what.",
            "Starts the scenario's own mail world, narrates every step, prints who could read what",
            "and whether each expectation held, and writes report.md, report.json and report.html."},
        footer = {"", "Examples:", "  ./lab run bank-statement", "  ./lab run scenarios/bank-statement.yaml --out /tmp/report"})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "a scenario file, or the name of one in the scenarios folder")
    String scenario;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "where to write report.md, report.json and report.html (default: lab-out/<scenario name>)")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "print the summary only, not each step")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        Path folder = out != null ? out : null;
        if (folder != null) {
            ReportFolder.check(folder);
        }
        Scenario loaded = ScenarioFiles.load(scenario, spec.commandLine().getErr());
        if (loaded == null) {
            return ExitCodes.INVALID_INPUT;
        }
        Transcript transcript = new ScenarioRunner(quiet ? line -> { } : line -> {
            stdout.println(line);
            stdout.flush();
        }).run(loaded);

        stdout.println();
        transcript.messages().forEach(message -> stdout.println(VerdictTable.render(message)));
        if (!transcript.messages().isEmpty()) {
            stdout.println(VerdictTable.legend());
        }
        long failed = transcript.expectations().stream().filter(e -> !e.held()).count();
        transcript.expectations().stream().filter(e -> !e.held()).forEach(e ->
                stdout.println("FAILED " + loaded.source() + ":" + e.line() + ": " + e.claim() + " -- " + e.evidence()));
        // Steps other than expectations that did not go as the scenario says count as failures too.
        List<Transcript.StepRecord> brokenSteps = transcript.steps().stream()
                .filter(step -> step.status() != Status.OK && !step.kind().equals("expect")).toList();
        brokenSteps.forEach(step -> stdout.println((step.status() == Status.ERROR ? "ERROR " : "FAILED ") + loaded.source()
                + ":" + step.line() + ": step " + step.number() + " (" + step.kind() + ") -- " + lastLine(step)));
        stdout.println("Expectations: " + (transcript.expectations().size() - failed) + " of "
                + transcript.expectations().size() + " held." + (brokenSteps.isEmpty() ? ""
                : " Steps that did not go as the scenario says: " + brokenSteps.size() + "."));
        stdout.println("Ledger: " + transcript.ledger());
        folder = out != null ? out : Path.of("lab-out", baseName(loaded.source()));
        Path report = ReportWriter.write(transcript, folder);
        stdout.println("Report: " + report + " (data: " + folder.resolve("report.json") + ")");
        stdout.println("Page:   " + folder.resolve("report.html") + " (open it in a browser: the journeys drawn, works offline)");
        stdout.flush();
        return transcript.passed() ? ExitCodes.OK : ExitCodes.EXPECTATION_FAILED;
    }

    /** What a step said last: its refusal, or why the lab could not do it. */
    private static String lastLine(Transcript.StepRecord step) {
        return step.narration().isEmpty() ? step.status().toString() : step.narration().get(step.narration().size() - 1).strip();
    }

    private static String baseName(String source) {
        String file = Path.of(source).getFileName().toString();
        return file.endsWith(".yaml") ? file.substring(0, file.length() - 5) : file;
    }
}
