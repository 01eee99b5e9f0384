package org.envelopelab.cli;

import org.envelopelab.scenario.run.LabWorld;
import org.envelopelab.scenario.script.DefaultWorld;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code lab routes}: the Camel wiring, for reading. */
@Command(name = "routes", mixinStandardHelpOptions = true,
        description = {"Print the Camel route topology.",
            "Shows how a message goes from a simulated sender through submission, the transport",
            "and delivery, and where bounces and dead letters go."})
final class RoutesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (LabWorld lab = LabWorld.start(DefaultWorld.get(), List.of(), null, 1, Instant.EPOCH, 0)) {
            spec.commandLine().getOut().print(lab.routes().topology());
        }
        return ExitCodes.OK;
    }
}
