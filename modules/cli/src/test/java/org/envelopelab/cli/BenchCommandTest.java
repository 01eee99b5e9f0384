package org.envelopelab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lab bench}: its help, its refusals, and how it turns JMH's output into progress lines. */
class BenchCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int lab(String... args) {
        CommandLine commandLine = Lab.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void helpExplainsTheProfilesTheReportAndHowToRunOnAnotherJdk() {
        assertThat(lab("bench", "--help")).isZero();

        assertThat(out.toString()).contains("--quick", "--full", "--only=REGEX", "--no-openssl", "--java=PATH", "--out=DIR",
                "summary.md", "charts/*.png", "temurin-25", "mvn -B -q -Dmaven.test.skip=true -pl benchmarks -am package");
    }

    @Test
    void twoProfilesTogetherIsBadUsage() {
        assertThat(lab("bench", "--quick", "--full")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(lab("bench", "--full", "--smoke")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("--quick, --full and --smoke are profiles: choose one");
    }

    @Test
    void theJarIsRebuiltWhenAnySourceIsNewerThanIt(@TempDir Path home) throws Exception {
        Path jar = home.resolve("benchmarks/target/benchmarks.jar");
        Path benchmark = home.resolve("benchmarks/src/main/java/Some.java");
        Path module = home.resolve("modules/smime/src/main/java/Codec.java");
        Path built = home.resolve("modules/smime/target/classes/Codec.java");
        for (Path file : List.of(benchmark, module, built, home.resolve("pom.xml"))) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "");
            Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000));
        }
        assertThat(BenchCommand.stale(home, jar)).as("no jar yet").isTrue();

        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(2_000_000));
        Files.setLastModifiedTime(built, FileTime.fromMillis(3_000_000));
        assertThat(BenchCommand.stale(home, jar)).as("only build output is newer").isFalse();

        Files.setLastModifiedTime(module, FileTime.fromMillis(3_000_000));
        assertThat(BenchCommand.stale(home, jar)).as("a module's source changed").isTrue();
    }

    @Test
    void jmhOutputBecomesOneLineAsEachBenchmarkStartsAndOneWithItsResult() {
        BenchCommand.JmhProgress progress = new BenchCommand.JmhProgress(new PrintWriter(out, true));

        for (String line : List.of("# Run progress: 25.00% complete, ETA 00:03:10",
                "# Benchmark: org.envelopelab.bench.TransportBenchmark.deliver", "# Parameters: (path = plain)", "",
                "# Fork: 1 of 1", "# Warmup Iteration   1: 683.362 ops/s", "Iteration   1: 1618.329 ops/s", "",
                "Result \"org.envelopelab.bench.TransportBenchmark.deliver\":", "  1618.329 ±(99.9%) 12.0 ops/s [Average]",
                "# Run complete. Total time: 00:04:01")) {
            progress.accept(line);
        }

        assertThat(out.toString().lines()).containsExactly(
                "bench: [25.00% complete, ETA 00:03:10] TransportBenchmark.deliver (path = plain)",
                "bench:     1618.329 ±(99.9%) 12.0 ops/s [Average]",
                "bench: Run complete. Total time: 00:04:01");
    }

    @Test
    void theSmokePassRunsEveryBenchmarkOnceAndBriefly() {
        assertThat(BenchCommand.SMOKE_SETTINGS).containsSequence("-wi", "0", "-i", "1", "-r", "100ms", "-foe", "true");
        assertThat(BenchCommand.SMOKE_OPENSSL).containsSequence("--sizes", "1KB");
    }

    @Test
    void theQuickProfileCoversEveryTargetsBenchmarks() {
        assertThat(BenchCommand.QUICK_BENCHMARKS).contains("PrivateKeyBenchmark", "ServiceVersusSmimeBenchmark",
                "SmimeContentBenchmark", "TransportBenchmark", "LargeMessageBenchmark");
        assertThat(BenchCommand.QUICK_SETTINGS).containsSequence("-f", "1");
    }
}
