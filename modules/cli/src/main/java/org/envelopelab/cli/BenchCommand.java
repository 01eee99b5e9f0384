package org.envelopelab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code lab bench}: what each approach costs, measured. Runs the JMH benchmarks from
 * {@code benchmarks/target/benchmarks.jar} in a child JVM, then the lab next to {@code openssl cms},
 * then writes the report (summary with the targets, charts) with the benchmarks module's own
 * report code. This command only starts processes and narrates them.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark S/MIME, the message encryption service and the transport",
            "(JMH), and the lab next to `openssl cms`; write a report with each",
            "target's ratio, PASS or FAIL, and charts.",
            "",
            "--quick (default, about 5 minutes): one fork, short warm-up, a subset:",
            "  private-key, service-vs-S/MIME, 1KB and 10MB GCM content, transport and",
            "  50MB benchmarks; OpenSSL at 1KB and 10MB. Indicative: the transport needs",
            "  the full profile's one-minute warm-up to settle.",
            "--full (about 30 minutes): every benchmark and parameter, as committed under",
            "  benchmarks/results/. Keep the machine otherwise idle while it runs.",
            "--smoke (about 2 minutes): every benchmark once, one short iteration at its",
            "  smallest parameters, and OpenSSL once at 1KB: that everything still runs",
            "  (CI does this). Its numbers mean nothing and no target is judged."},
        footer = {"", "The report folder gets jmh.json (JMH's results), jmh.log, openssl.json,",
            "openssl.md, run.txt (command, JDK, CPU, date), summary.md and charts/*.png.",
            "",
            "Examples:",
            "  ./lab bench",
            "  ./lab bench --full --out benchmarks/results/jdk17",
            "  ./lab bench --only TransportBenchmark --no-openssl",
            "  ./lab bench --full --java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java \\",
            "      --out benchmarks/results/jdk25",
            "",
            "The benchmarks jar is built on first use, and again when the sources changed, with:",
            "  mvn -B -q -Dmaven.test.skip=true -pl benchmarks -am package",
            "Exit codes: 0 every measured target passed (--smoke: everything ran),",
            "1 a target failed, 2 bad usage, 3 a run failed."})
final class BenchCommand implements java.util.concurrent.Callable<Integer> {

    /** The quick profile: enough to see every target once, in a few minutes. */
    static final List<String> QUICK_SETTINGS = List.of("-f", "1", "-wi", "4", "-w", "1s", "-i", "3", "-r", "1s",
            "-p", "cipher=AES_256_GCM", "-p", "size=1KB,10MB");
    static final List<String> QUICK_BENCHMARKS = List.of("PrivateKeyBenchmark", "ServiceVersusSmimeBenchmark",
            "SmimeContentBenchmark", "TransportBenchmark", "ServiceBenchmark\\.(protect|rules)", "LargeMessageBenchmark");
    static final List<String> QUICK_OPENSSL = List.of("--sizes", "1KB,10MB", "--warmup", "1", "--measure", "1", "--runs", "5");
    /** The full profile: every benchmark with the settings its class declares. */
    static final List<String> FULL_SETTINGS = List.of("-f", "1");
    static final List<String> FULL_OPENSSL = List.of("--sizes", "1KB,64KB,1MB,10MB", "--warmup", "2", "--measure", "2", "--runs", "10");
    /** The smoke pass: every benchmark runs once, briefly, at its smallest parameters; fails on the first error. */
    static final List<String> SMOKE_SETTINGS = List.of("-f", "1", "-wi", "0", "-i", "1", "-r", "100ms", "-foe", "true",
            "-p", "size=1KB", "-p", "recipients=1", "-p", "keyType=RSA_2048", "-p", "cipher=AES_256_GCM");
    static final List<String> SMOKE_OPENSSL = List.of("--sizes", "1KB", "--warmup", "0", "--measure", "0", "--runs", "1");

    private static final String JAR = "benchmarks/target/benchmarks.jar";

    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "the quick profile (default)")
    boolean quick;

    @Option(names = "--full", description = "every benchmark and parameter, the settings the classes declare")
    boolean full;

    @Option(names = "--smoke", description = "every benchmark once, briefly: that they run; judges no target")
    boolean smoke;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "the report folder (default: lab-out/bench)")
    Path out = Path.of("lab-out", "bench");

    @Option(names = "--only", paramLabel = "REGEX", description = "run only the benchmarks matching this JMH regex (e.g. TransportBenchmark)")
    String only;

    @Option(names = "--no-openssl", description = "skip the side-by-side with openssl cms")
    boolean noOpenssl;

    @Option(names = "--java", paramLabel = "PATH", description = "the java to benchmark on (default: the one running lab), e.g. a JDK 25")
    Path java;

    @Override
    public Integer call() throws Exception {
        if ((quick ? 1 : 0) + (full ? 1 : 0) + (smoke ? 1 : 0) > 1) {
            throw new BadInput("--quick, --full and --smoke are profiles: choose one");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        Path home = Path.of(System.getProperty("lab.home", ".")).toAbsolutePath().normalize();
        Path jar = home.resolve(JAR);
        if (stale(home, jar) && !build(home, stdout)) {
            spec.commandLine().getErr().println("lab: could not build " + JAR + "; build it with:  cd " + home
                    + " && mvn -B -Dmaven.test.skip=true -pl benchmarks -am package");
            return ExitCodes.LAB_FAILED;
        }
        String javaCommand = java != null ? java.toString() : Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.createDirectories(out);
        String profile = full ? "full" : smoke ? "smoke" : "quick";
        List<String> jmh = jmhArguments(jar);
        Files.write(out.resolve("run.txt"), List.of(
                "profile: " + profile + " (lab bench --" + profile + (only == null ? "" : " --only " + only) + ")",
                "command: " + String.join(" ", command(javaCommand, jmh)).replace(home + "/", ""),
                "JDK: " + firstLine(run(List.of(javaCommand, "-version"))),
                "CPU: " + cpu() + ", " + Runtime.getRuntime().availableProcessors() + " cores",
                "date: " + ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME)));

        stdout.println("bench: " + profile + " profile, report in " + out);
        stdout.flush();
        int code = stream(command(javaCommand, jmh), out.resolve("jmh.log"), new JmhProgress(stdout));
        if (code != 0) {
            spec.commandLine().getErr().println("lab: the benchmarks failed (exit " + code + "); see " + out.resolve("jmh.log"));
            return ExitCodes.LAB_FAILED;
        }
        if (!noOpenssl) {
            if (run(List.of("openssl", "version")).isEmpty()) {
                stdout.println("bench: openssl is not on the PATH; skipping the side-by-side");
            } else {
                stdout.println("bench: the lab next to openssl cms, on the same files");
                stdout.flush();
                List<String> side = new ArrayList<>(List.of(javaCommand, "-Xmx2g", "-cp", jar.toString(),
                        "org.envelopelab.bench.OpenSslSideBySide", "--out", out.toString()));
                side.addAll(full ? FULL_OPENSSL : smoke ? SMOKE_OPENSSL : QUICK_OPENSSL);
                if (stream(side, out.resolve("openssl.log"), line -> echo(stdout, "bench:   " + line)) != 0) {
                    spec.commandLine().getErr().println("lab: the OpenSSL side-by-side failed; see " + out.resolve("openssl.log"));
                    return ExitCodes.LAB_FAILED;
                }
            }
        }
        if (stream(List.of(javaCommand, "-cp", jar.toString(), "org.envelopelab.bench.report.BenchReport", out.toString()),
                out.resolve("report.log"), line -> { }) != 0) {
            spec.commandLine().getErr().println("lab: the report could not be written; see " + out.resolve("report.log"));
            return ExitCodes.LAB_FAILED;
        }
        int targets = printTargets(stdout);
        if (smoke) {
            stdout.println("Smoke pass: every benchmark ran; its numbers are too short to judge a target.");
            stdout.flush();
            return ExitCodes.OK;
        }
        return targets;
    }

    private List<String> jmhArguments(Path jar) {
        List<String> arguments = new ArrayList<>(List.of("-jar", jar.toString()));
        arguments.addAll(full ? FULL_SETTINGS : smoke ? SMOKE_SETTINGS : QUICK_SETTINGS);
        if (only != null) {
            arguments.add(only);
        } else if (!full && !smoke) {
            arguments.addAll(QUICK_BENCHMARKS);
        }
        arguments.addAll(List.of("-rf", "json", "-rff", out.resolve("jmh.json").toString()));
        return arguments;
    }

    private static List<String> command(String javaCommand, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(javaCommand);
        command.addAll(arguments);
        return command;
    }

    /** The targets table of the summary, to the terminal; exit code 1 when one failed. */
    private int printTargets(PrintWriter stdout) throws IOException {
        Path summary = out.resolve("summary.md");
        List<String> lines = Files.readAllLines(summary);
        boolean failed = false;
        stdout.println();
        for (String line : lines) {
            if (line.startsWith("| ") && (line.contains("**PASS**") || line.contains("**FAIL**") || line.contains("**NOT MEASURED**"))) {
                String[] cells = line.split(" \\| ");
                String status = cells[3].replace("*", "");
                failed |= status.equals("FAIL");
                // A smoke pass's numbers come from one 100 ms iteration: showing PASS or FAIL would mislead.
                stdout.printf("  %-13s %-8s %s%n", smoke ? "not judged" : status, cells[2], cells[0].substring(2));
            }
        }
        stdout.println();
        stdout.println("Report: " + summary + " (charts in " + out.resolve("charts") + ", data in " + out.resolve("jmh.json") + ")");
        stdout.flush();
        return failed ? ExitCodes.EXPECTATION_FAILED : ExitCodes.OK;
    }

    /** Whether the jar is missing or older than a source it is built from (the benchmarks' and the modules'). */
    static boolean stale(Path home, Path jar) throws IOException {
        if (!Files.exists(jar)) {
            return true;
        }
        FileTime built = Files.getLastModifiedTime(jar);
        List<Path> sources = new ArrayList<>(List.of(home.resolve("pom.xml"), home.resolve("benchmarks")));
        try (Stream<Path> modules = Files.list(home.resolve("modules"))) {
            modules.forEach(sources::add);
        }
        for (Path root : sources) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                if (files.filter(file -> !file.toString().contains("/target/"))
                        .filter(file -> file.toString().endsWith(".java") || file.getFileName().toString().equals("pom.xml"))
                        .anyMatch(file -> newer(file, built))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean newer(Path file, FileTime than) {
        try {
            return Files.getLastModifiedTime(file).compareTo(than) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean build(Path home, PrintWriter stdout) throws IOException, InterruptedException {
        stdout.println("bench: building the benchmarks (first run, or the sources changed): mvn -B -q -Dmaven.test.skip=true -pl benchmarks -am package");
        stdout.flush();
        List<String> mvn = List.of("mvn", "-B", "-q", "-Dmaven.test.skip=true", "-pl", "benchmarks", "-am", "package");
        try {
            Process process = new ProcessBuilder(mvn).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor() == 0 && Files.exists(home.resolve(JAR));
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs a child process, its output to a log file and, line by line, to {@code lines}; returns its exit code. */
    private static int stream(List<String> command, Path log, Consumer<String> lines) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter file = new PrintWriter(Files.newBufferedWriter(log))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                file.println(line);
                lines.accept(line);
            }
        }
        return process.waitFor();
    }

    /** What a short command prints (stdout and stderr), or nothing when it cannot run. */
    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor() == 0 ? output.strip() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("unknown") + (text.lines().count() > 1 ? " (" + text.lines().skip(1).findFirst()
                .orElse("").strip() + ")" : "");
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return System.getProperty("os.arch");
        }
    }

    private static void echo(PrintWriter out, String line) {
        out.println(line);
        out.flush();
    }

    /** Turns JMH's output into one line per benchmark as it starts and one as it ends. */
    static final class JmhProgress implements Consumer<String> {
        private final PrintWriter out;
        private String benchmark = "";
        private String parameters = "";
        private String progress = "";
        private boolean resultNext;

        JmhProgress(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void accept(String line) {
            if (line.startsWith("# Run progress: ")) {
                progress = line.substring("# Run progress: ".length());
            } else if (line.startsWith("# Benchmark: ")) {
                String name = line.substring("# Benchmark: ".length());
                benchmark = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
                parameters = "";
            } else if (line.startsWith("# Parameters: ")) {
                parameters = " " + line.substring("# Parameters: ".length());
            } else if (line.startsWith("# Fork: ")) {
                echo(out, "bench: [" + progress + "] " + benchmark + parameters);
            } else if (line.startsWith("Result \"")) {
                resultNext = true;
            } else if (resultNext) {
                resultNext = false;
                echo(out, "bench:     " + line.strip().replaceAll("\\s+", " "));
            } else if (line.startsWith("# Run complete.")) {
                echo(out, "bench: " + line.substring(2));
            } else if (line.contains("<failure>") || line.startsWith("Exception")) {
                echo(out, "bench: " + line);
            }
        }
    }
}
