package org.envelopelab.knowledge.proof;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The committed benchmark results that benchmark questions cite: {@code <results>/<jdk>/jmh.json}
 * as JMH writes it. A benchmark is named {@code Class.method} or {@code Class.method(param=value, ...)},
 * the class with or without its {@code Benchmark} suffix, e.g. {@code ServiceVersusSmime.serviceProtect(recipients=10)}.
 */
public final class Benchmarks {

    private static final Pattern REF = Pattern.compile("^([A-Za-z0-9_]+)\\.([A-Za-z0-9_]+)(?:\\((.*)\\))?$");

    /** One result: its throughput as operations a second (time-per-operation results are inverted). */
    public record Result(String name, double opsPerSecond) {
    }

    private final Path results;
    private final Map<String, List<JsonNode>> byJdk = new HashMap<>();

    public Benchmarks(Path results) {
        this.results = results;
    }

    /** The result a name picks out in a JDK's results; exactly one must match. */
    public synchronized Result score(String jdk, String written) throws ClaimParser.Unreadable {
        Matcher ref = REF.matcher(written.strip());
        if (!ref.matches()) {
            throw new ClaimParser.Unreadable("cannot read the benchmark '" + written.strip() + "': write Class.method or"
                    + " Class.method(param=value, ...), e.g. ServiceVersusSmime.serviceProtect(recipients=10)");
        }
        String type = ref.group(1).endsWith("Benchmark") ? ref.group(1) : ref.group(1) + "Benchmark";
        Map<String, String> params = new LinkedHashMap<>();
        if (ref.group(3) != null && !ref.group(3).isBlank()) {
            for (String pair : ref.group(3).split(",")) {
                String[] kv = pair.split("=", 2);
                if (kv.length != 2) {
                    throw new ClaimParser.Unreadable("cannot read the parameter '" + pair.strip() + "' of " + written.strip()
                            + ": write name=value");
                }
                params.put(kv[0].strip(), kv[1].strip());
            }
        }
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode result : results(jdk)) {
            String[] name = result.path("benchmark").asText().split("\\.");
            if (name.length < 2 || !name[name.length - 2].equals(type) || !name[name.length - 1].equals(ref.group(2))) {
                continue;
            }
            boolean all = params.entrySet().stream()
                    .allMatch(param -> param.getValue().equals(result.path("params").path(param.getKey()).asText(null)));
            if (all) {
                found.add(result);
            }
        }
        if (found.size() != 1) {
            throw new ClaimParser.Unreadable((found.isEmpty() ? "no result for " : "more than one result for ") + written.strip()
                    + " in " + results.resolve(jdk).resolve("jmh.json")
                    + (found.isEmpty() ? "" : ": name its parameters, e.g. (size=10MB)"));
        }
        JsonNode metric = found.get(0).path("primaryMetric");
        double score = metric.path("score").asDouble();
        String unit = metric.path("scoreUnit").asText();
        double rate = unit.endsWith("/op") ? 1.0 / score : score;
        return new Result(written.strip(), rate);
    }

    private List<JsonNode> results(String jdk) throws ClaimParser.Unreadable {
        if (byJdk.containsKey(jdk)) {
            return byJdk.get(jdk);
        }
        Path file = results.resolve(jdk).resolve("jmh.json");
        if (!jdk.matches("[A-Za-z0-9_.-]+") || !Files.isRegularFile(file)) {
            throw new ClaimParser.Unreadable("no benchmark results for '" + jdk + "' (results: " + String.join(", ", jdks()) + ")");
        }
        try {
            List<JsonNode> list = new ArrayList<>();
            new ObjectMapper().readTree(file.toFile()).forEach(list::add);
            byJdk.put(jdk, list);
            return list;
        } catch (IOException e) {
            throw new ClaimParser.Unreadable("cannot read " + file + ": " + e.getMessage());
        }
    }

    private List<String> jdks() {
        if (!Files.isDirectory(results)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(results)) {
            return folders.filter(folder -> Files.isRegularFile(folder.resolve("jmh.json")))
                    .map(folder -> folder.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
