package org.envelopelab.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code targets.json}: each target's verdict, the one place {@code lab bench} takes its exit code
 * from. A target that was not measured is NOT MEASURED in a quick or partial run, and FAIL in the
 * full profile, which promises every target: a renamed benchmark cannot pass by going missing.
 */
public final class Verdicts {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Verdicts() {
    }

    /** PASS, FAIL, NOT MEASURED — or "FAIL (not measured)" when {@code unmeasuredFails}. */
    public static String verdict(TargetCheck check, boolean unmeasuredFails) {
        return switch (check.status()) {
            case PASS -> "PASS";
            case FAIL -> "FAIL";
            case NOT_MEASURED -> unmeasuredFails ? "FAIL (not measured)" : "NOT MEASURED";
        };
    }

    public static boolean failed(TargetCheck check, boolean unmeasuredFails) {
        return check.status() == TargetCheck.Status.FAIL || (unmeasuredFails && check.status() == TargetCheck.Status.NOT_MEASURED);
    }

    /** Writes targets.json. */
    public static void write(Path file, String profile, List<TargetCheck> checks, boolean unmeasuredFails) throws IOException {
        List<Map<String, Object>> targets = new ArrayList<>();
        int failed = 0;
        for (TargetCheck check : checks) {
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("name", check.name());
            target.put("target", check.target());
            target.put("bound", check.atMost() ? "at most" : "at least");
            target.put("required", check.required());
            target.put("unit", check.unit());
            target.put("measured", Double.isNaN(check.measured()) ? null : check.measured());
            target.put("verdict", verdict(check, unmeasuredFails));
            target.put("evidence", check.evidence());
            targets.add(target);
            failed += failed(check, unmeasuredFails) ? 1 : 0;
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("profile", profile);
        root.put("judged", !profile.equals("smoke"));
        root.put("failed", failed);
        root.put("targets", targets);
        JSON.writeValue(file.toFile(), root);
    }

    /**
     * The exit code a run's targets.json calls for: 0 when every target passed (or the run judges
     * none: the smoke pass), 1 when one failed.
     */
    public static int exitCode(Path file) throws IOException {
        Map<?, ?> root = JSON.readValue(file.toFile(), Map.class);
        boolean judged = Boolean.TRUE.equals(root.get("judged"));
        return judged && ((Number) root.get("failed")).intValue() > 0 ? 1 : 0;
    }

    /** The lines {@code lab bench} prints: verdict, measured, target. */
    public static List<String> lines(Path file) throws IOException {
        Map<?, ?> root = JSON.readValue(file.toFile(), Map.class);
        boolean judged = Boolean.TRUE.equals(root.get("judged"));
        List<String> lines = new ArrayList<>();
        for (Object element : (List<?>) root.get("targets")) {
            Map<?, ?> target = (Map<?, ?>) element;
            Object measured = target.get("measured");
            String value = measured == null ? "n/a" : String.format(java.util.Locale.ROOT,
                    "s".equals(target.get("unit")) ? "%.3f s" : "%.2fx", ((Number) measured).doubleValue());
            lines.add(String.format(java.util.Locale.ROOT, "  %-19s %-9s %s", judged ? target.get("verdict") : "not judged", value,
                    target.get("target")));
        }
        return lines;
    }
}
