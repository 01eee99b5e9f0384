package org.envelopelab.bench.report;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Draws the charts of a run as PNG files with JFreeChart, from the same results the summary
 * reads: one horizontal bar chart per comparison (MB/s where a message size is a parameter,
 * operations per second otherwise), one of the targets (measured ratio next to the required
 * one), and one of two JVMs side by side.
 */
public final class ChartWriter {

    private static final int WIDTH = 1000;
    private static final int ROW_HEIGHT = 26;

    private ChartWriter() {
    }

    /** charts/SmimeContentBenchmark.png */
    public static String fileName(String className) {
        return className + ".png";
    }

    /** Writes every chart of the run into {@code directory}; returns the files written. */
    public static List<Path> write(JmhResults jmh, Optional<OpenSslComparison> openssl, Path directory) throws IOException {
        return write(jmh, Targets.check(jmh, openssl), Optional.empty(), directory);
    }

    /** As {@link #write(JmhResults, Optional, Path)}, with the targets checked and the whole processes, when measured. */
    public static List<Path> write(JmhResults jmh, List<TargetCheck> checks, Optional<ProcessComparison> process, Path directory)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        written.add(save(targets(checks), directory.resolve("targets.png"), checks.size()));
        if (process.isPresent()) {
            written.add(save(processes(process.get()), directory.resolve("process.png"), process.get().rows().size()));
        }
        for (String className : jmh.classNames()) {
            if (Scaling.isScaling(className)) {
                for (Scaling.Chart chart : Scaling.charts(className, jmh.ofClass(className))) {
                    written.add(save(chart.chart(), directory.resolve(chart.fileName()), 8));
                }
                continue;
            }
            List<JmhResult> results = jmh.ofClass(className);
            written.add(save(comparison(className, results), directory.resolve(fileName(className)), results.size()));
        }
        return written;
    }

    /** The same benchmarks on two JVMs (or two runs), operations per second, one bar each. */
    public static Path writeSideBySide(JmhResults first, String firstLabel, JmhResults second, String secondLabel, Path file)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        int rows = 0;
        for (JmhResult result : first.all()) {
            Optional<JmhResult> other = second.find(result.className(), result.method(), result.params());
            if (other.isEmpty()) {
                continue;
            }
            String label = label(result, true);
            data.addValue(1.0, firstLabel, label);
            data.addValue(other.get().opsPerSecond() / result.opsPerSecond(), secondLabel, label);
            rows++;
        }
        JFreeChart chart = ChartFactory.createBarChart(secondLabel + " relative to " + firstLabel + " (operations per second, "
                + firstLabel + " = 1)", null, "relative throughput", data, PlotOrientation.HORIZONTAL, true, false, false);
        Files.createDirectories(file.toAbsolutePath().getParent());
        return save(chart, file, rows);
    }

    private static JFreeChart comparison(String className, List<JmhResult> results) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        boolean bySize = results.stream().allMatch(result -> Throughput.megabytesPerSecond(result).isPresent());
        boolean timePerOperation = results.stream().allMatch(result -> result.unit().endsWith("/op"));
        for (JmhResult result : results) {
            double value = bySize ? Throughput.megabytesPerSecond(result).orElseThrow()
                    : timePerOperation ? result.score() : result.opsPerSecond();
            data.addValue(value, result.method(), result.paramText().isEmpty() ? result.method() : result.paramText());
        }
        String axis = bySize ? "MB/s" : timePerOperation ? results.get(0).unit() : "operations per second";
        return ChartFactory.createBarChart(Comparisons.title(className), null, axis, data, PlotOrientation.HORIZONTAL,
                true, false, false);
    }

    private static JFreeChart targets(List<TargetCheck> checks) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (TargetCheck check : checks) {
            data.addValue(1.0, "required", check.name());
            data.addValue(Double.isNaN(check.margin()) ? 0 : check.margin(), "measured", check.name());
        }
        return ChartFactory.createBarChart("Targets: measured against required (1 = just met, above passes)", null,
                "measured / required (for limits: limit / measured)", data, PlotOrientation.HORIZONTAL, true, false, false);
    }

    private static JFreeChart processes(ProcessComparison process) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ProcessComparison.Row row : process.rows()) {
            data.addValue(row.labSeconds(), "lab", row.name());
            if (!Double.isNaN(row.opensslSeconds())) {
                data.addValue(row.opensslSeconds(), "openssl cms", row.name());
            }
        }
        return ChartFactory.createBarChart("Whole processes, start-up included (median wall time)", null, "seconds", data,
                PlotOrientation.HORIZONTAL, true, false, false);
    }

    private static String label(JmhResult result, boolean withClass) {
        String name = (withClass ? result.className().replace("Benchmark", "") + "." : "") + result.method();
        return result.paramText().isEmpty() ? name : name + " (" + result.paramText() + ")";
    }

    private static Path save(JFreeChart chart, Path file, int rows) throws IOException {
        int height = Math.max(300, 140 + rows * ROW_HEIGHT * 2);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, height);
        return file;
    }
}
