package org.envelopelab.knowledge.proof;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.envelopelab.scenario.script.InvalidScenarioException;
import org.envelopelab.scenario.script.Scenario;
import org.envelopelab.scenario.script.ScenarioParser;
import org.envelopelab.scenario.script.Step;

/**
 * Where claims find what they cite: the lab's scenarios (by name, as {@code lab run} takes them,
 * each parsed once) and its committed benchmark results ({@code benchmarks/results/<jdk>/jmh.json}).
 */
public final class Catalog {

    private final Path scenarios;
    private final Path benchmarks;
    private final Map<String, Optional<Scenario>> parsed = new HashMap<>();
    private final Map<String, String> problems = new HashMap<>();

    /**
     * @param scenarios  the scenarios folder
     * @param benchmarks the benchmark results folder, one folder per JDK
     */
    public Catalog(Path scenarios, Path benchmarks) {
        this.scenarios = scenarios;
        this.benchmarks = benchmarks;
    }

    public Path benchmarks() {
        return benchmarks;
    }

    /** The lab's folders under its home: {@code scenarios/} and {@code benchmarks/results/}. */
    public static Catalog under(Path home) {
        return new Catalog(home.resolve("scenarios"), home.resolve("benchmarks").resolve("results"));
    }

    /** The scenario of a name, parsed; empty when there is none or it does not parse (see {@link #problem}). */
    public synchronized Optional<Scenario> scenario(String name) {
        return parsed.computeIfAbsent(name, this::load);
    }

    /** Why a scenario name gave nothing. */
    public synchronized String problem(String name) {
        return problems.getOrDefault(name, "");
    }

    private Optional<Scenario> load(String name) {
        Path file = scenarios.resolve(name + ".yaml");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_-]*") || !Files.isRegularFile(file)) {
            problems.put(name, "unknown scenario '" + name + "' (scenarios: " + String.join(", ", names()) + ")");
            return Optional.empty();
        }
        try {
            return Optional.of(ScenarioParser.parse(file));
        } catch (InvalidScenarioException e) {
            problems.put(name, "scenario '" + name + "' does not validate: " + e.problems().get(0)
                    + " (run lab validate " + name + ")");
            return Optional.empty();
        }
    }

    /** The scenarios there are, by name. */
    public List<String> names() {
        if (!Files.isDirectory(scenarios)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(scenarios)) {
            return files.map(path -> path.getFileName().toString()).filter(file -> file.endsWith(".yaml"))
                    .map(file -> file.substring(0, file.length() - 5)).sorted().toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    /** The ids of the messages a scenario sends: its sends, and the replies written in its portal steps. */
    public static Set<String> messageIds(Scenario scenario) {
        Set<String> ids = new LinkedHashSet<>();
        for (Step step : scenario.steps()) {
            if (step instanceof Step.Send send) {
                ids.add(send.id());
            }
            if (step instanceof Step.Portal portal && portal.reply() != null && portal.reply().id() != null) {
                ids.add(portal.reply().id());
            }
        }
        return ids;
    }

    /** Everyone's ids, for messages. */
    static List<String> people(Scenario scenario) {
        List<String> ids = new ArrayList<>();
        scenario.world().everyone().forEach(person -> ids.add(person.id()));
        return ids;
    }
}
