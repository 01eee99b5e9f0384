package org.envelopelab.cli;

import org.envelopelab.scenario.script.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code lab validate}: check scenarios without running them. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check scenario files without running them.",
            "Reports every problem as file:line: what is wrong. Nothing is started.",
            "With no arguments, checks every scenario in the scenarios folder."})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", arity = "0..*", description = "scenario files or names")
    List<String> scenarios;

    @Override
    public Integer call() throws Exception {
        List<String> names = scenarios == null || scenarios.isEmpty() ? ScenarioFiles.available() : scenarios;
        if (names.isEmpty()) {
            spec.commandLine().getErr().println("lab: no scenarios to check in " + ScenarioFiles.folder());
            return ExitCodes.INVALID_INPUT;
        }
        int invalid = 0;
        for (String name : names) {
            Scenario scenario = ScenarioFiles.load(name, spec.commandLine().getErr());
            if (scenario == null) {
                invalid++;
            } else {
                spec.commandLine().getOut().println(scenario.source() + ": valid (" + count(scenario.steps().size(), "step")
                        + ", " + count(scenario.sends().size(), "message") + ", "
                        + count(scenario.world().everyone().size(), "person").replace("persons", "people") + ")");
            }
        }
        return invalid == 0 ? ExitCodes.OK : ExitCodes.INVALID_INPUT;
    }

    private static String count(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
