package org.envelopelab.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes the report of a benchmark run from its data: {@code summary.md} and {@code charts/*.png}
 * from {@code jmh.json} (and {@code openssl.json} when the side-by-side ran), with what
 * {@code run.txt} says about the run (command line, JDK, CPU, date) at the top. With
 * {@code --side-by-side} it compares two runs instead.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.envelopelab.bench.report.BenchReport lab-out/bench
 * java -cp benchmarks/target/benchmarks.jar org.envelopelab.bench.report.BenchReport --side-by-side \
 *     benchmarks/results/jdk17 "JDK 17" benchmarks/results/jdk25 "JDK 25" benchmarks/results
 * </pre>
 */
public final class BenchReport {

    private BenchReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 1) {
            Path summary = write(Path.of(args[0]));
            System.out.println("report: " + summary);
        } else if (args.length == 6 && args[0].equals("--side-by-side")) {
            Path table = writeSideBySide(Path.of(args[1]), args[2], Path.of(args[3]), args[4], Path.of(args[5]));
            System.out.println("side by side: " + table);
        } else {
            System.err.println("usage: BenchReport DIR  (reads DIR/jmh.json and DIR/openssl.json, writes DIR/summary.md and DIR/charts)");
            System.err.println("       BenchReport --side-by-side DIR1 LABEL1 DIR2 LABEL2 OUT_DIR");
            System.exit(2);
        }
    }

    /** Reads the run in {@code directory} and writes its summary and charts there; returns the summary. */
    public static Path write(Path directory) throws IOException {
        JmhResults jmh = JmhResults.read(directory.resolve("jmh.json"));
        Path opensslFile = directory.resolve("openssl.json");
        Optional<OpenSslComparison> openssl = Files.exists(opensslFile) ? Optional.of(OpenSslComparison.read(opensslFile))
                : Optional.empty();
        ChartWriter.write(jmh, openssl, directory.resolve("charts"));
        List<String> context = new ArrayList<>();
        Path run = directory.resolve("run.txt");
        if (Files.exists(run)) {
            Files.readAllLines(run).stream().filter(line -> !line.isBlank()).forEach(context::add);
        } else {
            context.add("JVM: " + jmh.jvm());
        }
        Path summary = directory.resolve("summary.md");
        Files.writeString(summary, SummaryWriter.markdown(jmh, openssl, context, true));
        return summary;
    }

    /** {@code side-by-side.md} and {@code charts/side-by-side.png} in {@code out}; returns the table. */
    public static Path writeSideBySide(Path first, String firstLabel, Path second, String secondLabel, Path out) throws IOException {
        JmhResults a = JmhResults.read(first.resolve("jmh.json"));
        JmhResults b = JmhResults.read(second.resolve("jmh.json"));
        Files.createDirectories(out);
        ChartWriter.writeSideBySide(a, firstLabel, b, secondLabel, out.resolve("charts").resolve("side-by-side.png"));
        Path table = out.resolve("side-by-side.md");
        Files.writeString(table, SideBySideWriter.markdown(a, firstLabel, b, secondLabel)
                + "\n![side by side](charts/side-by-side.png)\n");
        return table;
    }
}
