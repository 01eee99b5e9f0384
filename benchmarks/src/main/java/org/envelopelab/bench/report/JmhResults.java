package org.envelopelab.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A JMH run read from its {@code -rf json} file, in the order JMH ran the benchmarks. */
public final class JmhResults {

    private final List<JmhResult> results;

    public JmhResults(List<JmhResult> results) {
        this.results = List.copyOf(results);
    }

    public static JmhResults read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<JmhResult> results = new ArrayList<>();
        for (JsonNode node : root) {
            Map<String, String> params = new LinkedHashMap<>();
            node.path("params").fields().forEachRemaining(entry -> params.put(entry.getKey(), entry.getValue().asText()));
            JsonNode metric = node.path("primaryMetric");
            double error = metric.path("scoreError").asDouble(Double.NaN);
            results.add(new JmhResult(node.path("benchmark").asText(), params, node.path("mode").asText(),
                    metric.path("score").asDouble(), error, metric.path("scoreUnit").asText(),
                    node.path("jdkVersion").asText(""), node.path("vmName").asText(""), node.path("vmVersion").asText("")));
        }
        return new JmhResults(results);
    }

    public List<JmhResult> all() {
        return results;
    }

    public boolean isEmpty() {
        return results.isEmpty();
    }

    /** The benchmark classes, in the order they ran. */
    public Set<String> classNames() {
        Set<String> names = new LinkedHashSet<>();
        results.forEach(result -> names.add(result.className()));
        return names;
    }

    public List<JmhResult> ofClass(String className) {
        return results.stream().filter(result -> result.className().equals(className)).toList();
    }

    /** The result of {@code Class.method} with these parameters (others may differ), if it ran. */
    public Optional<JmhResult> find(String className, String method, Map<String, String> params) {
        return results.stream()
                .filter(result -> result.className().equals(className) && result.method().equals(method) && result.hasParams(params))
                .findFirst();
    }

    /** "OpenJDK 64-Bit Server VM 17.0.15+6-Debian-1deb12u1", from the first result. */
    public String jvm() {
        return results.isEmpty() ? "" : results.get(0).vmName() + " " + results.get(0).vmVersion();
    }
}
