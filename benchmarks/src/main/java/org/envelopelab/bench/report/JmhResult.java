package org.envelopelab.bench.report;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * One benchmark's result as JMH writes it with {@code -rf json}: which benchmark, with which
 * parameters, its primary score and error, and the JVM it ran on.
 *
 * @param benchmark the full name, {@code org.envelopelab.bench.PrivateKeyBenchmark.smimeSign}
 * @param params    the {@code @Param} values, in the order JMH lists them
 */
public record JmhResult(String benchmark, Map<String, String> params, String mode, double score, double scoreError,
                        String unit, String jdkVersion, String vmName, String vmVersion) {

    public JmhResult {
        params = Map.copyOf(params);
    }

    /** The class without its package: {@code PrivateKeyBenchmark}. */
    public String className() {
        String type = benchmark.substring(0, benchmark.lastIndexOf('.'));
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** The benchmark method: {@code smimeSign}. */
    public String method() {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    public String param(String name) {
        return params.get(name);
    }

    /** The parameters as JMH prints them, sorted by name: {@code cipher=AES_256_GCM, size=10MB}; empty without any. */
    public String paramText() {
        return params.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(", "));
    }

    /** Whether every given name=value pair is one of this result's parameters. */
    public boolean hasParams(Map<String, String> wanted) {
        return wanted.entrySet().stream().allMatch(entry -> entry.getValue().equals(params.get(entry.getKey())));
    }

    /** Operations per second, whatever the unit JMH reported in (ops/s, ops/ms, ms/op, ...). */
    public double opsPerSecond() {
        return switch (unit) {
            case "ops/s" -> score;
            case "ops/ms" -> score * 1e3;
            case "ops/us" -> score * 1e6;
            case "s/op" -> 1 / score;
            case "ms/op" -> 1e3 / score;
            case "us/op" -> 1e6 / score;
            case "ns/op" -> 1e9 / score;
            default -> throw new IllegalStateException("unknown JMH unit " + unit);
        };
    }
}
