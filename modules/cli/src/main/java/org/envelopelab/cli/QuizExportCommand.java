package org.envelopelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.envelopelab.knowledge.bank.Bank;
import org.envelopelab.knowledge.bank.Problem;
import org.envelopelab.knowledge.export.Format;
import org.envelopelab.knowledge.proof.ClaimParser;
import org.envelopelab.knowledge.proof.Verifier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lab quiz export}: the bank in the formats instructors' systems read. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the bank in the formats instructors' systems import.",
            "Moodle GIFT, Moodle XML, a QTI 2.1 package (Canvas, Blackboard, Brightspace,",
            "TAO ...), Markdown, and a printable HTML page with the answer key on a page",
            "of its own. The files are checked first (as lab quiz validate); prove the",
            "keys with lab quiz verify."},
        footer = {"", "Exit codes: 0 written; 2 bad usage or problems in the files.",
            "", "Examples:", "  ./lab quiz export", "  ./lab quiz export --format gift --out /tmp/quiz smime"})
final class QuizExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "all",
            description = "gift, moodle-xml, qti, markdown, html, or all (default: all five)")
    String format;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "lab-out/quiz",
            description = "the folder to write into (default: lab-out/quiz)")
    Path out;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "question files or lessons (default: all of knowledge/)")
    List<String> names;

    @Override
    public Integer call() throws IOException {
        List<Format> formats;
        if (format.equals("all")) {
            formats = List.of(Format.values());
        } else {
            formats = List.of(Format.of(format).orElseThrow(() -> new BadInput("unknown format '" + format
                    + "' (formats: " + Format.names() + ", all)")));
        }
        PrintWriter err = spec.commandLine().getErr();
        Bank bank = QuizCommand.read(names, err);
        if (bank == null) {
            return ExitCodes.INVALID_INPUT;
        }
        List<Problem> problems = new Verifier(new ClaimParser(QuizCommand.catalog())).check(bank.questions());
        if (!problems.isEmpty()) {
            problems.forEach(err::println);
            err.println("lab quiz export: " + QuizCommand.count(problems.size(), "problem") + "; nothing was written");
            return ExitCodes.INVALID_INPUT;
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new BadInput("--out " + out + " is a file: name a folder");
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new BadInput("cannot create the folder " + out + ": " + ExitCodes.reason(e));
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(QuizCommand.count(bank.questions().size(), "question") + " from "
                + QuizCommand.count(bank.lessons().size(), "lesson") + ":");
        for (Format one : formats) {
            Path written;
            try {
                written = one.write(bank.lessons(), out);
            } catch (IOException e) {
                throw new BadInput("cannot write " + out.resolve(one.file()) + ": " + ExitCodes.reason(e));
            }
            stdout.println("  " + written + "  " + one.description());
        }
        stdout.flush();
        return ExitCodes.OK;
    }
}
