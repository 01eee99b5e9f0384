package org.envelopelab.scenario.script;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import static org.envelopelab.scenario.script.NodeReader.mustBe;

/**
 * Reads a scenario script (the format is described in scenarios/README.md) into a validated
 * {@link Scenario}. It checks everything and reports every problem at once, each with its line,
 * so a runner never meets a script it cannot trust.
 */
public final class ScenarioParser {

    static final List<String> KEYS = List.of("scenario", "summary", "seed", "clock", "world", "certificates", "service",
            "paths", "steps");
    static final long DEFAULT_SEED = 1;
    static final Instant DEFAULT_CLOCK = Instant.parse("2026-03-02T09:00:00Z");

    /**
     * The largest script read, checked before anything is parsed: the longest scenario shipped is
     * about 30 KB, and attachments and logos live in files of their own.
     */
    public static final int MAX_SCRIPT_BYTES = 1024 * 1024;

    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");

    private ScenarioParser() {
    }

    /**
     * Reads a script file; {@code file:} attachments are found next to it.
     *
     * @param file the path as the user gave it; messages name the file this way
     */
    public static Scenario parse(Path file) throws InvalidScenarioException {
        String source = file.toString();
        String text;
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw wholeFile(source, Files.isDirectory(file) ? "this is a folder, not a scenario file"
                    : "this is not a regular file (a pipe or a device); give a scenario file");
        }
        try {
            byte[] bytes = boundedBytes(file);
            if (bytes == null) {
                throw wholeFile(source, tooLarge());
            }
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw wholeFile(source, "the file is not UTF-8 text");
        } catch (NoSuchFileException e) {
            throw wholeFile(source, "the file does not exist");
        } catch (IOException e) {
            throw wholeFile(source, "cannot read the file (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + ")");
        }
        Path baseDir = file.getParent() == null ? Path.of("") : file.getParent();
        return parse(source, text, baseDir);
    }

    /** The file's bytes, or null when it holds more than {@link #MAX_SCRIPT_BYTES} (checked before reading it all). */
    private static byte[] boundedBytes(Path file) throws IOException {
        if (Files.size(file) > MAX_SCRIPT_BYTES) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_SCRIPT_BYTES + 1);
            return bytes.length > MAX_SCRIPT_BYTES ? null : bytes;
        }
    }

    private static String tooLarge() {
        return "the file is larger than " + MAX_SCRIPT_BYTES / 1024 + " KB, the most a scenario may be;"
                + " put large attachments in files of their own ('file:')";
    }

    /** A problem with the file as a whole; it is put on line 1 so every problem reads file:line: message. */
    private static InvalidScenarioException wholeFile(String source, String message) {
        return new InvalidScenarioException(List.of(new Problem(source, 1, message)));
    }

    /**
     * Reads a script from text.
     *
     * @param source   how messages name the script, e.g. "scenarios/bank.yaml"
     * @param yamlText the script
     * @param baseDir  the folder {@code file:} attachments are relative to
     */
    public static Scenario parse(String source, String yamlText, Path baseDir) throws InvalidScenarioException {
        if (yamlText.length() > MAX_SCRIPT_BYTES) {
            throw wholeFile(source, tooLarge());
        }
        Problems problems = new Problems(source);
        NodeReader reader = new NodeReader(problems);
        Optional<Scenario> scenario = ScriptSyntax.compose(yamlText, problems)
                .flatMap(root -> reader.mapping(root,
                        "a scenario file must be a mapping of keys such as 'scenario' and 'steps'", "scenario file",
                        KEYS))
                .map(script -> read(source, script, baseDir));
        problems.throwIfAny();
        Scenario read = scenario.orElseThrow();
        return new Scenario(read.source(), read.title(), read.summary(), read.seed(), read.clock(), read.world(),
                read.certificates(), read.service(), read.steps(), read.paths(), problems.warnings());
    }

    private static Scenario read(String source, ScriptMapping script, Path baseDir) {
        NodeReader reader = script.reader();
        String title = script.requiredText("scenario").orElse("");
        String summary = script.optionalText("summary").orElse("");
        long seed = script.optional("seed").flatMap(node -> seed(node, reader)).orElse(DEFAULT_SEED);
        Instant clock = script.optional("clock").flatMap(node -> clock(node, reader)).orElse(DEFAULT_CLOCK);
        World world = script.optional("world")
                .flatMap(node -> reader.mapping(node, mustBe("world", "a mapping"), "world", WorldReader.KEYS))
                .map(mapping -> new WorldReader(reader).read(mapping, DefaultWorld.get()))
                .orElseGet(DefaultWorld::get);
        List<CertificateSpec> certificates = script.optional("certificates")
                .map(node -> new CertificateReader(reader, world).read(node))
                .orElse(List.of());
        ServiceConfig service = script.optional("service")
                .flatMap(node -> new ServiceReader(reader, world, baseDir).read(node))
                .orElse(null);
        boolean serviceWritten = script.has("service");
        List<Step> steps = script.required("steps")
                .flatMap(node -> stepItems(node, reader))
                .map(items -> new StepReader(reader, world, certificates, service, serviceWritten, baseDir).read(items))
                .orElse(List.of());
        checkTotalAdvance(steps, reader.problems());
        List<DeliveryPath> paths = script.optional("paths").map(node -> paths(node, reader))
                .orElse(List.of(DeliveryPath.values()));
        return new Scenario(source, title, summary, seed, clock, world, certificates, service, steps, paths, List.of());
    }

    /** {@code paths: [plain, smime, service]}: the ways {@code lab compare} sends the messages, each once. */
    private static List<DeliveryPath> paths(Node node, NodeReader reader) {
        List<DeliveryPath> paths = new java.util.ArrayList<>();
        reader.oneOrMany(node, mustBe("paths", "a list of plain, smime and service")).ifPresent(items -> {
            for (ScalarNode item : items) {
                Optional<DeliveryPath> path = DeliveryPath.of(item.getValue());
                if (path.isEmpty()) {
                    reader.report(item, Spelling.unknown("unknown path '" + item.getValue() + "'", item.getValue(),
                            java.util.Arrays.stream(DeliveryPath.values()).map(DeliveryPath::key).toList(),
                            "the paths are plain, smime and service"));
                } else if (paths.contains(path.get())) {
                    reader.report(item, "path '" + item.getValue() + "' is listed twice");
                } else {
                    paths.add(path.get());
                }
            }
        });
        return paths.isEmpty() ? List.of(DeliveryPath.values()) : paths;
    }

    /** All {@code advance-clock} steps together move the clock at most {@link LabTime#LONGEST_ADVANCE}. */
    private static void checkTotalAdvance(List<Step> steps, Problems problems) {
        Duration total = Duration.ZERO;
        for (Step step : steps) {
            if (step instanceof Step.AdvanceClock advance) {
                total = total.plus(advance.by());
                if (total.compareTo(LabTime.LONGEST_ADVANCE) > 0) {
                    problems.report(advance.line(), "together the 'advance-clock' steps move the clock more than "
                            + LabTime.LONGEST_ADVANCE.toDays() + " days (100 years)");
                    return;
                }
            }
        }
    }

    private static Optional<List<Node>> stepItems(Node node, NodeReader reader) {
        if (node instanceof SequenceNode list && !list.getValue().isEmpty()) {
            return Optional.of(list.getValue());
        }
        reader.report(node, mustBe("steps", "a non-empty list"));
        return Optional.empty();
    }

    private static Optional<Long> seed(Node node, NodeReader reader) {
        if (node instanceof ScalarNode scalar && scalar.isPlain() && INTEGER.matcher(scalar.getValue()).matches()) {
            try {
                return Optional.of(Long.parseLong(scalar.getValue()));
            } catch (NumberFormatException tooLarge) {
                // reported below, as any other value that is not an integer
            }
        }
        reader.report(node, mustBe("seed", "an integer"));
        return Optional.empty();
    }

    private static Optional<Instant> clock(Node node, NodeReader reader) {
        if (node instanceof ScalarNode scalar) {
            try {
                Instant clock = Instant.parse(scalar.getValue().trim());
                if (clock.isBefore(LabTime.EARLIEST_CLOCK) || clock.isAfter(LabTime.LATEST_CLOCK)) {
                    reader.report(node, mustBe("clock", "between " + LabTime.EARLIEST_CLOCK + " and "
                            + LabTime.LATEST_CLOCK));
                    return Optional.empty();
                }
                return Optional.of(clock);
            } catch (DateTimeException notAnInstant) {
                // reported below
            }
        }
        reader.report(node, mustBe("clock", "an instant like 2026-03-02T09:00:00Z"));
        return Optional.empty();
    }
}
