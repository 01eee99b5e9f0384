package org.envelopelab.cli;

import org.envelopelab.scenario.compare.Comparison;
import org.envelopelab.scenario.compare.ComparisonReport;
import org.envelopelab.scenario.compare.ComparisonWriter;
import org.envelopelab.scenario.script.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code lab compare}: the scenario's messages down each path, side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Send a scenario's messages down each path and compare who could read what.",
            "Runs the messages in the clear, by S/MIME (certificates exchanged first) and",
            "through the message encryption service, each in a fresh world of the",
            "scenario's own people. Then a recipient forwards the first message, someone",
            "holds that recipient's mailbox and, where there is a link, someone it was not",
            "sent to follows it. Prints one table per message (a column per path) and what",
            "each path cost, and writes compare.md, compare.json and compare.html."},
        footer = {"", "Exit codes: 0 every path ran as planned; 1 a planned step did not go as",
            "planned (listed); 2 bad usage or an invalid scenario; 3 the lab failed.",
            "", "Examples:", "  ./lab compare bank-statement", "  ./lab compare clinic --out /tmp/clinic"})
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "the scenario: a name from scenarios/ or a path to a .yaml file")
    String scenario;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "where to write compare.md, compare.json and compare.html (default: lab-out/<scenario name>)")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        Scenario loaded = ScenarioFiles.load(scenario, spec.commandLine().getErr());
        if (loaded == null) {
            return ExitCodes.INVALID_INPUT;
        }
        ComparisonReport report;
        try {
            report = new Comparison(line -> {
                stdout.println(line);
                stdout.flush();
            }).compare(loaded);
        } catch (IllegalArgumentException nothingToCompare) {
            spec.commandLine().getErr().println("lab compare: " + nothingToCompare.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        stdout.println();
        stdout.println(ComparisonWriter.terminal(report));
        boolean asPlanned = true;
        for (ComparisonReport.RunSummary run : report.runs()) {
            for (String step : run.stepsNotAsPlanned()) {
                stdout.println("NOT AS PLANNED (" + run.path().title() + ") " + step);
                asPlanned = false;
            }
        }
        Path folder = out != null ? out : Path.of("lab-out", baseName(loaded.source()));
        Path written = ComparisonWriter.write(report, folder);
        stdout.println("Comparison: " + written + " (data: " + folder.resolve("compare.json") + ")");
        stdout.println("Page:       " + folder.resolve("compare.html") + " (open it in a browser: the tables side by side, the costs as bars)");
        stdout.flush();
        return asPlanned ? ExitCodes.OK : ExitCodes.EXPECTATION_FAILED;
    }

    private static String baseName(String source) {
        String file = Path.of(source).getFileName().toString();
        return file.endsWith(".yaml") ? file.substring(0, file.length() - 5) : file;
    }
}
