package org.envelopelab.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.envelopelab.knowledge.proof.Catalog;
import org.envelopelab.knowledge.proof.ClaimParser;
import org.envelopelab.knowledge.proof.Generator;
import org.envelopelab.knowledge.proof.Runs;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lab quiz generate}: fresh, already proven questions from a comparison of one scenario. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write fresh, already proven questions from a scenario's comparison.",
            "Which path kept a secret from a party, who could do what with a message",
            "(matching), why a party was refused, what S/MIME needed that the service",
            "did not. Each option carries its proof and every proof is judged before it",
            "is written, so a new class gets new variants, already proven."},
        footer = {"", "Exit codes: 0 written; 2 bad usage or an unknown scenario; 3 the lab failed.",
            "", "Examples:", "  ./lab quiz generate clinic", "  ./lab quiz generate bank --out knowledge/bank-variants.quiz"})
final class QuizGenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "a scenario's name, as in scenarios/ (e.g. clinic)")
    String scenario;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "write the questions here (default: print them)")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Catalog catalog = QuizCommand.catalog();
        if (catalog.scenario(scenario).isEmpty()) {
            throw new BadInput(catalog.problem(scenario));
        }
        Runs runs = new Runs(catalog, line -> {
            err.println(line);
            err.flush();
        });
        // Opened first, so a place that cannot be written is said before the scenario runs.
        try (ResultFile file = out == null ? null : ResultFile.at(out)) {
            String lesson = new Generator(catalog, runs, new ClaimParser(catalog)).generate(scenario);
            if (file == null) {
                stdout.print(lesson);
            } else {
                file.stream().write(lesson.getBytes(StandardCharsets.UTF_8));
                file.keep();
                stdout.println("Questions: " + out + " (check them: lab quiz verify " + out + ")");
            }
        }
        stdout.flush();
        return ExitCodes.OK;
    }
}
