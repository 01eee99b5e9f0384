package org.envelopelab.cli;

import org.envelopelab.scenario.script.InvalidScenarioException;
import org.envelopelab.scenario.script.Scenario;
import org.envelopelab.scenario.script.ScenarioParser;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds and loads scenario files. A name may be a path ({@code scenarios/bank-statement.yaml}) or
 * just a scenario's name ({@code bank-statement}), looked up in the lab's {@code scenarios} folder.
 */
final class ScenarioFiles {

    private ScenarioFiles() {
    }

    /** The lab's scenarios folder: under the lab home the launcher names, else under the working directory. */
    static Path folder() {
        return home().resolve("scenarios");
    }

    /** The lab's own folder, as the launcher names it, else the working directory. */
    static Path home() {
        String home = System.getProperty("lab.home");
        return home == null ? Path.of("") : Path.of(home);
    }

    /** The file for a name, or null when there is none. */
    static Path resolve(String name) {
        Path given = Path.of(name);
        if (Files.isRegularFile(given)) {
            return given;
        }
        for (Path candidate : List.of(folder().resolve(name), folder().resolve(name + ".yaml"))) {
            if (Files.isRegularFile(candidate)) {
                return shortest(candidate);
            }
        }
        return null;
    }

    /** The path relative to the working directory when it lies below it, as a student would type it. */
    private static Path shortest(Path path) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(here) ? here.relativize(absolute) : absolute;
    }

    static List<String> available() throws IOException {
        if (!Files.isDirectory(folder())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder())) {
            return files.map(path -> path.getFileName().toString())
                    .filter(file -> file.endsWith(".yaml"))
                    .map(file -> file.substring(0, file.length() - 5))
                    .sorted()
                    .toList();
        }
    }

    /**
     * Loads and validates; on problems prints each as file:line: message and returns null. Warnings
     * (things that work but surprise) go to the same stream as {@code file:line: warning: ...}.
     */
    static Scenario load(String name, PrintWriter err) throws IOException {
        Path file = resolve(name);
        if (file == null) {
            List<String> known = available();
            err.println("lab: no scenario '" + name + "': it is not a file, nor a scenario in " + folder()
                    + (known.isEmpty() ? "" : " (there: " + String.join(", ", known) + ")"));
            return null;
        }
        try {
            Scenario scenario = ScenarioParser.parse(file);
            scenario.warnings().forEach(warning -> err.println(warning.source() + ":" + warning.line() + ": warning: "
                    + warning.message()));
            err.flush();
            return scenario;
        } catch (InvalidScenarioException invalid) {
            invalid.problems().forEach(problem -> err.println(problem));
            err.println(invalid.problems().size() + (invalid.problems().size() == 1 ? " problem" : " problems")
                    + " in " + file + "; nothing was run");
            return null;
        }
    }
}
