package org.envelopelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.envelopelab.knowledge.bank.Bank;
import org.envelopelab.knowledge.bank.Lesson;
import org.envelopelab.knowledge.bank.Problem;
import org.envelopelab.knowledge.proof.Catalog;
import org.envelopelab.knowledge.proof.ClaimParser;
import org.envelopelab.knowledge.proof.Claims;
import org.envelopelab.knowledge.proof.Runs;
import org.envelopelab.knowledge.proof.Verifier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lab quiz}: the knowledge checks. Validate and verify question banks, generate proven
 * questions from a run, take a lesson's check in the terminal, export for Moodle and QTI tools.
 */
@Command(name = "quiz", mixinStandardHelpOptions = true,
        description = {"Knowledge checks whose answer keys the lab proves.",
            "Question files live in knowledge/ (one per lesson; the format is in",
            "knowledge/README.md). Each option carries a proof: a claim about who could",
            "read what in one of the lab's scenarios, which the lab checks against its",
            "own runs."},
        subcommands = {QuizCommand.Validate.class, QuizCommand.Verify.class, QuizCommand.Show.class,
            QuizGenerateCommand.class, QuizTakeCommand.class, QuizExportCommand.class},
        footer = {"", "Examples:", "  ./lab quiz validate", "  ./lab quiz verify knowledge/02-smime.quiz",
            "  ./lab quiz take smime", "  ./lab quiz export --format gift --out /tmp/quiz",
            "  ./lab quiz generate clinic"})
final class QuizCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The knowledge folder under the lab's home. */
    static Path folder() {
        return ScenarioFiles.home().resolve("knowledge");
    }

    static Catalog catalog() {
        return Catalog.under(ScenarioFiles.home());
    }

    /**
     * The question files a command names: a path, a file in knowledge/ (with or without .quiz), or
     * a lesson's id; none named means every file in knowledge/.
     */
    static List<Path> files(List<String> names) throws IOException {
        if (names == null || names.isEmpty()) {
            if (!Files.isDirectory(folder())) {
                throw new BadInput("no knowledge folder at " + folder() + ": run lab from the lab's folder");
            }
            List<Path> all = Bank.files(folder());
            if (all.isEmpty()) {
                throw new BadInput("no question files (*" + Bank.SUFFIX + ") in " + folder());
            }
            return all;
        }
        List<Path> files = new ArrayList<>();
        for (String name : names) {
            files.add(resolve(name));
        }
        return files;
    }

    private static Path resolve(String name) throws IOException {
        Path given = Path.of(name);
        if (Files.isRegularFile(given)) {
            return given;
        }
        // A lesson's name first: 'benchmarks' is a lesson, even where a folder of that name is at hand.
        List<Path> known = Files.isDirectory(folder()) ? Bank.files(folder()) : List.of();
        for (Path file : known) {
            String stem = file.getFileName().toString().replace(Bank.SUFFIX, "");
            if (file.getFileName().toString().equals(name) || stem.equals(name) || stem.replaceFirst("^[0-9]+-", "").equals(name)) {
                return file;
            }
        }
        if (Files.isDirectory(given)) {
            throw new BadInput("'" + name + "' is a folder: name a question file (*" + Bank.SUFFIX + ") or a lesson");
        }
        List<String> lessons = known.stream().map(file -> file.getFileName().toString().replace(Bank.SUFFIX, "")
                .replaceFirst("^[0-9]+-", "")).toList();
        throw new BadInput("no question file or lesson '" + name + "'" + (lessons.isEmpty() ? ""
                : " (lessons: " + String.join(", ", lessons) + ")"));
    }

    /** Reads the bank; prints its problems and returns null when there are any. */
    static Bank read(List<String> names, PrintWriter err) throws IOException {
        Bank bank = Bank.read(files(names));
        if (!bank.problems().isEmpty()) {
            bank.problems().forEach(err::println);
            err.println("lab quiz: " + count(bank.problems().size(), "problem") + "; nothing was checked further");
            return null;
        }
        return bank;
    }

    static String count(int n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Check question files without running any scenario.",
                "Checks the format, one key for single choice, at least two distractors,",
                "unique ids, known tags, and that every proof names a scenario, path,",
                "message, party and secret that exist."},
            footer = {"", "Exit codes: 0 valid; 2 problems (each printed as file:line: sentence)."})
    static final class Validate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "0..*", description = "question files or lessons (default: all of knowledge/)")
        List<String> names;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            Bank bank = read(names, err);
            if (bank == null) {
                return ExitCodes.INVALID_INPUT;
            }
            List<Problem> problems = new Verifier(new ClaimParser(catalog())).check(bank.questions());
            problems.forEach(err::println);
            if (!problems.isEmpty()) {
                err.println("lab quiz validate: " + count(problems.size(), "problem"));
                return ExitCodes.INVALID_INPUT;
            }
            spec.commandLine().getOut().println(count(bank.lessons().size(), "lesson") + ", "
                    + count(bank.questions().size(), "question") + ": valid");
            return ExitCodes.OK;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Prove every answer key against the lab's own runs.",
                "Runs each cited scenario once (as written, and on each path it is",
                "compared on) and judges each question's proofs against the evidence.",
                "Every key the lab contradicts, and every proof it has no evidence for,",
                "is printed as file:line: sentence."},
            footer = {"", "Exit codes: 0 every key proven; 1 a key is contradicted or unproven;",
                "2 the files do not validate; 3 the lab failed."})
    static final class Verify implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "0..*", description = "question files or lessons (default: all of knowledge/)")
        List<String> names;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Bank bank = read(names, err);
            if (bank == null) {
                return ExitCodes.INVALID_INPUT;
            }
            Catalog catalog = catalog();
            ClaimParser parser = new ClaimParser(catalog);
            Verifier verifier = new Verifier(parser);
            List<Problem> invalid = verifier.check(bank.questions());
            if (!invalid.isEmpty()) {
                invalid.forEach(err::println);
                err.println("lab quiz verify: " + count(invalid.size(), "problem") + "; run lab quiz validate");
                return ExitCodes.INVALID_INPUT;
            }
            Runs runs = new Runs(catalog, line -> {
                out.println(line);
                out.flush();
            });
            Verifier.Result result = verifier.verify(bank.questions(), new Claims(runs, parser.benchmarks()), line -> {
                out.println(line);
                out.flush();
            });
            result.problems().forEach(err::println);
            err.flush();
            if (!result.problems().isEmpty()) {
                out.println("NOT PROVEN: " + count(result.problems().size(), "problem") + " in "
                        + count(result.questions(), "question"));
                return ExitCodes.EXPECTATION_FAILED;
            }
            out.println("Proven: " + count(result.questions(), "question") + " in " + count(bank.lessons().size(), "lesson")
                    + ", " + count(result.claims(), "claim") + " judged against the lab's runs.");
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Print questions as a student sees them, without their keys.",
                "A lesson's questions, or the ones --ids names (the lessons in",
                "notebooks-md/ end this way)."},
            footer = {"", "Example:", "  ./lab quiz show smime --ids smime-needs-certificate,smime-service-opaque"})
    static final class Show implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "LESSON", arity = "0..1", description = "a lesson's id or question file (default: every lesson)")
        String lesson;

        @picocli.CommandLine.Option(names = "--ids", paramLabel = "ID,...", split = ",",
                description = "only these questions, in this order")
        List<String> ids;

        @Override
        public Integer call() throws IOException {
            Bank bank = read(lesson == null ? List.of() : List.of(lesson), spec.commandLine().getErr());
            if (bank == null) {
                return ExitCodes.INVALID_INPUT;
            }
            List<org.envelopelab.knowledge.bank.Question> questions = bank.questions();
            if (ids != null) {
                List<org.envelopelab.knowledge.bank.Question> chosen = new ArrayList<>();
                for (String id : ids) {
                    chosen.add(questions.stream().filter(question -> question.id().equals(id)).findFirst()
                            .orElseThrow(() -> new BadInput("no question '" + id + "' in " + (lesson == null ? "the bank" : lesson))));
                }
                questions = chosen;
            }
            PrintWriter out = spec.commandLine().getOut();
            for (int i = 0; i < questions.size(); i++) {
                var question = questions.get(i);
                out.print(new org.envelopelab.knowledge.take.Attempt(question,
                        org.envelopelab.knowledge.bank.Shuffle.printed(question)).render(i + 1));
                out.println("   (" + String.join(", ", question.tags()) + "; " + question.difficulty() + "; lab quiz take "
                        + lessonOf(bank, question) + " to answer)");
                if (i + 1 < questions.size()) {
                    out.println();
                }
            }
            out.flush();
            return ExitCodes.OK;
        }

        private static String lessonOf(Bank bank, org.envelopelab.knowledge.bank.Question question) {
            return bank.lessons().stream().filter(one -> one.questions().contains(question)).findFirst()
                    .map(Lesson::id).orElse("");
        }
    }

}
