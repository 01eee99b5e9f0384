package org.envelopelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.envelopelab.notebook.CellResult;
import org.envelopelab.notebook.Console;
import org.envelopelab.notebook.Notebook;
import org.envelopelab.notebook.NotebookException;
import org.envelopelab.notebook.NotebookParser;
import org.envelopelab.notebook.Runner;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lab notebook}: the lessons in notebooks-md/, run and checked. */
@Command(name = "notebook", mixinStandardHelpOptions = true,
        description = {"Run and check the lessons in notebooks-md/.",
            "They are Markdown files whose console cells ($ lab ...) and java cells are",
            "run, and their output checked against what the lesson shows. [..] in an",
            "expected line stands for any text, a line of ... for any lines; times,",
            "ports, tokens and passcodes are redacted first."},
        subcommands = {NotebookCommand.Check.class, NotebookCommand.Update.class, NotebookCommand.Run.class},
        footer = {"", "Examples:", "  ./lab notebook check", "  ./lab notebook run notebooks-md/01-why-encrypt.md",
            "  ./lab notebook update notebooks-md/02-smime.md"})
final class NotebookCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The lab's own command line, run in this process, its output captured. */
    static Console inProcess() {
        return args -> {
            StringWriter printed = new StringWriter();
            CommandLine commandLine = Lab.commandLine();
            PrintWriter writer = new PrintWriter(printed, true);
            commandLine.setOut(writer);
            commandLine.setErr(writer);
            int exit = commandLine.execute(args.toArray(new String[0]));
            writer.flush();
            return new Console.Result(exit, printed.toString());
        };
    }

    /** The notebooks a command names: files, or every .md file of a folder; none named means notebooks-md/. */
    static List<Path> files(List<String> names) throws IOException {
        List<Path> given = new ArrayList<>();
        if (names == null || names.isEmpty()) {
            given.add(ScenarioFiles.home().resolve("notebooks-md"));
        } else {
            names.forEach(name -> given.add(Path.of(name)));
        }
        List<Path> files = new ArrayList<>();
        for (Path path : given) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> list = Files.list(path)) {
                    list.filter(file -> file.getFileName().toString().matches("[0-9].*\\.md")).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new BadInput("no notebook or folder '" + path + "'");
            }
        }
        if (files.isEmpty()) {
            throw new BadInput("no notebooks (numbered .md files) in " + String.join(", ", given.stream().map(Path::toString).toList()));
        }
        return files;
    }

    /** A lesson and what each of its cells gave. */
    record Ran(Notebook notebook, List<CellResult> results) {
        long differing() {
            return results.stream().filter(result -> !result.passed()).count();
        }
    }

    /** Reads a lesson and runs its cells in this process; {@code progress} gets each cell's result as it is known. */
    static Ran run(Path file, java.util.function.Consumer<CellResult> progress) throws Exception {
        Notebook notebook = read(file);
        return new Ran(notebook, new Runner(inProcess()).run(notebook, progress));
    }

    static Notebook read(Path file) throws IOException {
        try {
            return NotebookParser.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (NotebookException e) {
            throw new BadInput(e.getMessage());
        } catch (java.nio.charset.MalformedInputException e) {
            throw new BadInput(file + ":1: the file is not UTF-8 text");
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Run every cell and report each output that differs from the lesson.",
                "Each difference is printed as file:line with a diff (- expected, + printed)."},
            footer = {"", "Exit codes: 0 every cell as the lesson shows; 1 a cell differs; 2 a notebook",
                "cannot be run as written (file:line says why)."})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE|DIR", arity = "0..*", description = "notebooks or folders (default: notebooks-md/)")
        List<String> names;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            int cells = 0;
            int failed = 0;
            for (Path file : files(names)) {
                Ran ran = run(file, result -> result.problems().forEach(spec.commandLine().getErr()::println));
                long bad = ran.differing();
                out.println(file + ": " + QuizCommand.count(ran.results().size(), "cell") + (bad == 0 ? ", as written" : ", " + bad + " differ"));
                out.flush();
                cells += ran.results().size();
                failed += (int) bad;
            }
            out.println(failed == 0 ? "Checked " + QuizCommand.count(cells, "cell") + ": every one as the lessons show."
                    : failed + " of " + QuizCommand.count(cells, "cell") + " differ (lab notebook update rewrites the expected outputs).");
            return failed == 0 ? ExitCodes.OK : ExitCodes.EXPECTATION_FAILED;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = {"Write what the cells that differ printed into the lesson.",
                "Their new output (redacted) becomes the expected output; cells that",
                "already match, wildcards and all, are left as written. Review the change",
                "before committing it."})
    static final class Update implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE|DIR", arity = "0..*", description = "notebooks or folders (default: notebooks-md/)")
        List<String> names;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            for (Path file : files(names)) {
                Ran ran = run(file, result -> { });
                long changed = ran.differing();
                if (changed > 0) {
                    Files.writeString(file, ran.notebook().withOutputs(ran.results()), StandardCharsets.UTF_8);
                }
                out.println(file + ": " + (changed == 0 ? "unchanged" : QuizCommand.count((int) changed, "cell") + " updated"));
                out.flush();
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Run a lesson's cells and print each as it goes, with what it printed."})
    static final class Run implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE|DIR", arity = "0..*", description = "notebooks or folders (default: notebooks-md/)")
        List<String> names;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            boolean allPassed = true;
            for (Path file : files(names)) {
                out.println("== " + file);
                out.flush();
                Ran ran = run(file, result -> {
                    if (result.cell().commands().isEmpty()) {
                        out.println("-- java cell at line " + result.cell().line());
                    }
                    for (int i = 0; i < result.outputs().size(); i++) {
                        if (!result.cell().commands().isEmpty()) {
                            out.println("$ " + result.cell().commands().get(i).text());
                        }
                        result.outputs().get(i).forEach(out::println);
                    }
                    out.println(result.passed() ? "   (as the lesson shows)" : "   (DIFFERS from the lesson; lab notebook check shows how)");
                    out.flush();
                });
                allPassed &= ran.differing() == 0;
            }
            return allPassed ? ExitCodes.OK : ExitCodes.EXPECTATION_FAILED;
        }
    }
}
