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
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code lab bench}: what each approach costs, measured. Runs the JMH benchmarks from
 * {@code benchmarks/target/benchmarks.jar} in a child JVM, then the lab next to {@code openssl cms}
 * in a warm JVM and as whole processes, then the report (summary, targets.json, charts) with the
 * benchmarks module's own report code, whose exit code (from targets.json) is this command's.
 * This command only starts processes and narrates them; whether the jar is stale is the
 * launcher's one rule ({@code lab --build benchmarks}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark S/MIME, the message encryption service and the transport",
            "(JMH), and the lab next to `openssl cms`; write a report with each",
            "target's ratio, PASS or FAIL, and charts.",
            "",
            "--quick (default, about 6 minutes): one fork, short warm-up, a subset:",
            "  private-key, service, service-vs-S/MIME, 1KB and 10MB GCM content,",
            "  transport and 50MB benchmarks; OpenSSL and whole processes at 1KB and",
            "  10MB. Indicative: the transport needs the full profile's warm-up.",
            "--full (about 45 minutes): every benchmark and parameter (the scaling ones",
            "  included), whole processes 1KB to 50MB, as committed under",
            "  benchmarks/results/. Keep the machine otherwise idle while it runs; a",
            "  target with no measurement fails.",
            "--smoke (a few minutes): every benchmark once, one short iteration at its",
            "  smallest parameters, OpenSSL and each whole process once at 1KB: that",
            "  everything still runs (CI does this). No target is judged."},
        footer = {"", "The report folder gets jmh.json (JMH's results), jmh.log, openssl.json,",
            "openssl.md, process.json, process.md, run.txt (command, JDK, CPU, date),",
            "summary.md, targets.json (each target's verdict) and charts/*.png.",
            "",
            "Examples:",
            "  ./lab bench",
            "  ./lab bench --full --out benchmarks/results/jdk17",
            "  ./lab bench --only TransportBenchmark --no-openssl",
            "  ./lab bench --full --java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java \\",
            "      --out benchmarks/results/jdk25",
            "",
            "The benchmarks jar is built on first use, and again when the sources changed",
            "(the launcher's rule: ./lab --build benchmarks), with:",
            "  mvn -B -q -Dmaven.test.skip=true -pl benchmarks -am package",
            "Exit codes (from targets.json): 0 every target passed (--smoke: everything",
            "ran), 1 a target failed (under --full also: one was not measured), 2 bad",
            "usage, 3 a run failed."})
final class BenchCommand implements java.util.concurrent.Callable<Integer> {

    /** The quick profile: enough to see every target once, in a few minutes. */
    static final List<String> QUICK_SETTINGS = List.of("-f", "1", "-wi", "4", "-w", "1s", "-i", "3", "-r", "1s",
            "-p", "cipher=AES_256_GCM", "-p", "size=1KB,10MB");
    static final List<String> QUICK_BENCHMARKS = List.of("PrivateKeyBenchmark", "ServiceVersusSmimeBenchmark",
            "SmimeContentBenchmark", "TransportBenchmark", "ServiceBenchmark\\.(protect|open|license|rules)", "LargeMessageBenchmark");
    static final List<String> QUICK_OPENSSL = List.of("--sizes", "1KB,10MB", "--warmup", "1", "--measure", "1", "--runs", "5");
    static final List<String> QUICK_PROCESSES = List.of("--sizes", "1KB,10MB", "--runs", "3");
    /** The full profile: every benchmark with the settings its class declares. */
    static final List<String> FULL_SETTINGS = List.of("-f", "1");
    static final List<String> FULL_OPENSSL = List.of("--sizes", "1KB,64KB,1MB,10MB", "--warmup", "2", "--measure", "2", "--runs", "10");
    static final List<String> FULL_PROCESSES = List.of("--sizes", "1KB,1MB,10MB,50MB", "--runs", "5");
    /** The smoke pass: every benchmark runs once, briefly, at its smallest parameters; fails on the first error. */
    static final List<String> SMOKE_SETTINGS = List.of("-f", "1", "-wi", "0", "-i", "1", "-r", "100ms", "-foe", "true",
            "-p", "size=1KB", "-p", "recipients=1", "-p", "keyType=RSA_2048", "-p", "cipher=AES_256_GCM",
            "-p", "sites=2", "-p", "queued=1000");
    static final List<String> SMOKE_OPENSSL = List.of("--sizes", "1KB", "--warmup", "0", "--measure", "0", "--runs", "1");
    static final List<String> SMOKE_PROCESSES = List.of("--sizes", "1KB", "--runs", "1");

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

    @Option(names = "--no-processes", description = "skip the whole-process side-by-side (the lab command next to openssl cms)")
    boolean noProcesses;

    @Option(names = "--java", paramLabel = "PATH", description = "the java to benchmark on (default: the one running lab), e.g. a JDK 25")
    Path java;

    @Override
    public Integer call() throws Exception {
        if ((quick ? 1 : 0) + (full ? 1 : 0) + (smoke ? 1 : 0) > 1) {
            throw new BadInput("--quick, --full and --smoke are profiles: choose one");
        }
        if (java != null && !(Files.isRegularFile(java) && Files.isExecutable(java))) {
            throw new BadInput("--java " + java + " is not a java program: give a JDK's bin/java, e.g. "
                    + "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        Path home = Path.of(System.getProperty("lab.home", ".")).toAbsolutePath().normalize();
        Path jar = home.resolve(JAR);
        if (!build(home, stdout)) {
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
        if (!noProcesses && !run(List.of("openssl", "version")).isEmpty()) {
            stdout.println("bench: whole processes, start-up included: the lab command next to openssl cms");
            stdout.flush();
            List<String> processes = new ArrayList<>(List.of(javaCommand, "-cp", jar.toString(),
                    "org.envelopelab.bench.ProcessSideBySide", "--lab", home.resolve("lab").toString(), "--out", out.toString()));
            if (java != null) {
                processes.addAll(List.of("--java", java.toString()));
            }
            processes.addAll(full ? FULL_PROCESSES : smoke ? SMOKE_PROCESSES : QUICK_PROCESSES);
            if (stream(processes, out.resolve("process.log"), line -> echo(stdout, "bench:   " + line)) != 0) {
                spec.commandLine().getErr().println("lab: the whole-process side-by-side failed; see " + out.resolve("process.log"));
                return ExitCodes.LAB_FAILED;
            }
        }
        // The report judges the targets into targets.json and exits with what it says: 0 passed, 1 a target failed.
        stdout.println();
        int verdict = stream(List.of(javaCommand, "-cp", jar.toString(), "org.envelopelab.bench.report.BenchReport", out.toString(),
                "--profile", profile), out.resolve("report.log"), line -> echo(stdout, line));
        if (verdict != ExitCodes.OK && verdict != ExitCodes.EXPECTATION_FAILED) {
            spec.commandLine().getErr().println("lab: the report could not be written; see " + out.resolve("report.log"));
            return ExitCodes.LAB_FAILED;
        }
        if (smoke) {
            stdout.println("Smoke pass: every benchmark ran; its numbers are too short to judge a target.");
            stdout.flush();
        }
        return verdict;
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

    /**
     * Builds the benchmarks jar when it is stale, by the launcher's one rule for both jars
     * ({@code lab --build benchmarks}: missing, or older than a pom or a file under a src/main/).
     */
    private static boolean build(Path home, PrintWriter stdout) throws IOException, InterruptedException {
        Path launcher = home.resolve("lab");
        if (!Files.isExecutable(launcher)) {
            return Files.exists(home.resolve(JAR)); // a lab without its launcher: use the jar as it is
        }
        Process process = new ProcessBuilder(launcher.toString(), "--build", "benchmarks").directory(home.toFile())
                .redirectErrorStream(true).start();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                echo(stdout, "bench: " + line.replaceFirst("^lab: ", ""));
            }
        }
        return process.waitFor() == 0 && Files.exists(home.resolve(JAR));
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
