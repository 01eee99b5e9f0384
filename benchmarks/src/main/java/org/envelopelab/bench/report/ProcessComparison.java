package org.envelopelab.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code ProcessSideBySide} measured: whole processes, start-up included, as a person runs
 * them — the {@code lab} command next to {@code openssl cms} on the same files, and the lab's own
 * start-up commands. Medians of {@code runs} runs after a warm-up run, as {@code process.json}.
 *
 * @param lab     the launcher that was run, and the JDK it chose (its {@code --version})
 * @param openssl what {@code openssl version} printed
 * @param timer   how each process was timed: {@code /usr/bin/time -v} (wall and peak memory) or the JVM's clock (wall only)
 * @param rows    one per command
 */
public record ProcessComparison(String lab, String openssl, String timer, int runs, List<Row> rows) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param name           what was run, e.g. "smime decrypt 1KB", "--version", "run bank-statement"
     * @param size           the message size label, or "" for commands without one
     * @param labSeconds     the median wall time of the lab's process
     * @param labPeakKb      the median peak resident memory of the lab's process (0 when not measured)
     * @param opensslSeconds the median wall time of the same work by {@code openssl cms}; NaN when there is none
     * @param opensslPeakKb  its peak resident memory (0 when not measured)
     */
    public record Row(String name, String size, double labSeconds, long labPeakKb, double opensslSeconds, long opensslPeakKb) {

        /** How many times OpenSSL's wall time the lab took; NaN without an OpenSSL side. */
        public double slowdown() {
            return Double.isNaN(opensslSeconds) || opensslSeconds <= 0 ? Double.NaN : labSeconds / opensslSeconds;
        }
    }

    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    public static ProcessComparison read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), ProcessComparison.class);
    }

    public Optional<Row> row(String name) {
        return rows.stream().filter(row -> row.name().equals(name)).findFirst();
    }

    /** The Markdown table of {@code process.md}. */
    public String markdown() {
        StringBuilder md = new StringBuilder("# Whole processes: the lab command next to openssl cms\n\n");
        md.append("Start-up included on both sides; median of ").append(runs).append(" runs after one warm-up run, timed with ")
                .append(timer).append(". Lab: ").append(lab).append("; ").append(openssl).append(".\n\n");
        md.append("| command | lab wall | lab peak memory | openssl cms wall | openssl peak memory | lab / openssl |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            md.append(String.format(java.util.Locale.ROOT, "| %s | %.3f s | %s | %s | %s | %s |%n", row.name(), row.labSeconds(),
                    memory(row.labPeakKb()), Double.isNaN(row.opensslSeconds()) ? "" : String.format(java.util.Locale.ROOT, "%.3f s",
                            row.opensslSeconds()), Double.isNaN(row.opensslSeconds()) ? "" : memory(row.opensslPeakKb()),
                    Double.isNaN(row.slowdown()) ? "" : String.format(java.util.Locale.ROOT, "%.2fx", row.slowdown())));
        }
        return md.toString();
    }

    private static String memory(long kilobytes) {
        return kilobytes <= 0 ? "" : String.format(java.util.Locale.ROOT, "%.0f MB", kilobytes / 1024.0);
    }
}
