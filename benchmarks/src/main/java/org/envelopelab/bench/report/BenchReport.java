package org.envelopelab.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes the report of a benchmark run from its data: {@code summary.md}, {@code targets.json} (each
 * target's verdict; the exit code comes from it) and {@code charts/*.png} from {@code jmh.json}
 * (and {@code openssl.json}, {@code process.json} when the side-by-sides ran), with what
 * {@code run.txt} says about the run (command line, JDK, CPU, date) at the top. With
 * {@code --side-by-side} it compares two runs instead.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.envelopelab.bench.report.BenchReport lab-out/bench --profile full
 * java -cp benchmarks/target/benchmarks.jar org.envelopelab.bench.report.BenchReport --side-by-side \
 *     benchmarks/results/jdk17 "JDK 17" benchmarks/results/jdk25 "JDK 25" benchmarks/results
 * </pre>
 */
public final class BenchReport {

    private BenchReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length >= 1 && !args[0].startsWith("--")) {
            String profile = args.length == 3 && args[1].equals("--profile") ? args[2] : "quick";
            if (args.length != 1 && args.length != 3 || !List.of("quick", "full", "smoke").contains(profile)) {
                usage();
            }
            Path directory = Path.of(args[0]);
            Path summary = write(directory, profile);
            Verdicts.lines(directory.resolve("targets.json")).forEach(System.out::println);
            System.out.println();
            System.out.println("report: " + summary + " (targets.json, charts/)");
            System.exit(Verdicts.exitCode(directory.resolve("targets.json")));
        } else if (args.length == 6 && args[0].equals("--side-by-side")) {
            Path table = writeSideBySide(Path.of(args[1]), args[2], Path.of(args[3]), args[4], Path.of(args[5]));
            System.out.println("side by side: " + table);
        } else {
            usage();
        }
    }

    private static void usage() {
        System.err.println("usage: BenchReport DIR [--profile quick|full|smoke]  (reads DIR/jmh.json, openssl.json, process.json;"
                + " writes summary.md, targets.json, charts; exit 1 when a target failed)");
        System.err.println("       BenchReport --side-by-side DIR1 LABEL1 DIR2 LABEL2 OUT_DIR");
        System.exit(2);
    }

    /** Reads the run in {@code directory} and writes its summary and charts there (quick profile); returns the summary. */
    public static Path write(Path directory) throws IOException {
        return write(directory, "quick");
    }

    /**
     * Reads the run in {@code directory} and writes summary.md, targets.json and the charts there;
     * returns the summary. Under the full profile a target that was not measured fails.
     */
    public static Path write(Path directory, String profile) throws IOException {
        JmhResults jmh = JmhResults.read(directory.resolve("jmh.json"));
        Path opensslFile = directory.resolve("openssl.json");
        Optional<OpenSslComparison> openssl = Files.exists(opensslFile) ? Optional.of(OpenSslComparison.read(opensslFile))
                : Optional.empty();
        Path processFile = directory.resolve("process.json");
        Optional<ProcessComparison> process = Files.exists(processFile) ? Optional.of(ProcessComparison.read(processFile))
                : Optional.empty();
        List<TargetCheck> checks = Targets.check(jmh, openssl, process);
        boolean unmeasuredFails = profile.equals("full");
        ChartWriter.write(jmh, checks, process, directory.resolve("charts"));
        Verdicts.write(directory.resolve("targets.json"), profile, checks, unmeasuredFails);
        List<String> context = new ArrayList<>();
        Path run = directory.resolve("run.txt");
        if (Files.exists(run)) {
            Files.readAllLines(run).stream().filter(line -> !line.isBlank()).forEach(context::add);
        } else {
            context.add("JVM: " + jmh.jvm());
        }
        Path summary = directory.resolve("summary.md");
        Files.writeString(summary, SummaryWriter.markdown(jmh, openssl, process, checks, unmeasuredFails, context, true));
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
