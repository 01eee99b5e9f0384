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
                "summary.md", "targets.json", "process.json", "--no-processes", "charts/*.png", "temurin-25",
                "mvn -B -q -Dmaven.test.skip=true -pl benchmarks -am package", "./lab --build benchmarks");
    }

    @Test
    void twoProfilesTogetherIsBadUsage() {
        assertThat(lab("bench", "--quick", "--full")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(lab("bench", "--full", "--smoke")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("--quick, --full and --smoke are profiles: choose one");
    }

    @Test
    void aJavaThatIsNotAProgramIsBadUsageBeforeAnythingRuns(@TempDir Path folder) {
        assertThat(lab("bench", "--java", folder.resolve("nope").toString())).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(lab("bench", "--java", folder.toString())).isEqualTo(ExitCodes.INVALID_INPUT);

        assertThat(err.toString()).contains("--java " + folder.resolve("nope") + " is not a java program: give a JDK's bin/java",
                "--java " + folder + " is not a java program");
        assertThat(out.toString()).doesNotContain("bench:");
    }

    /** The launcher's one rule, which lab bench asks through {@code lab --build benchmarks}: here through {@code --stale}. */
    @Test
    void theJarIsStaleWhenAPomOrAMainSourceIsNewerThanIt(@TempDir Path home) throws Exception {
        Path launcher = Files.copy(Path.of("../../lab").toAbsolutePath().normalize(), home.resolve("lab"));
        Path jar = home.resolve("benchmarks/target/benchmarks.jar");
        Path benchmark = home.resolve("benchmarks/src/main/java/Some.java");
        Path module = home.resolve("modules/smime/src/main/java/Codec.java");
        Path test = home.resolve("modules/smime/src/test/java/CodecTest.java");
        Path built = home.resolve("modules/smime/target/classes/Codec.java");
        for (Path file : List.of(benchmark, module, test, built, home.resolve("pom.xml"))) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "");
            Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000));
        }
        assertThat(stale(launcher, "benchmarks")).as("no jar yet").isTrue();

        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(2_000_000));
        Files.setLastModifiedTime(built, FileTime.fromMillis(3_000_000));
        Files.setLastModifiedTime(test, FileTime.fromMillis(3_000_000));
        assertThat(stale(launcher, "benchmarks")).as("only build output and tests are newer").isFalse();

        Files.setLastModifiedTime(module, FileTime.fromMillis(3_000_000));
        assertThat(stale(launcher, "benchmarks")).as("a module's source changed").isTrue();
    }

    private static boolean stale(Path launcher, String jar) throws Exception {
        Process process = new ProcessBuilder("bash", launcher.toString(), "--stale", jar).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        int code = process.waitFor();
        assertThat(code).as(output).isBetween(0, 1);
        return code == 0;
    }

    @Test
    void theSmokePassRunsEveryBenchmarkOnceAndBriefly() {
        assertThat(BenchCommand.SMOKE_SETTINGS).containsSequence("-wi", "0", "-i", "1", "-r", "100ms", "-foe", "true");
        assertThat(BenchCommand.SMOKE_OPENSSL).containsSequence("--sizes", "1KB");
        assertThat(BenchCommand.SMOKE_PROCESSES).containsSequence("--sizes", "1KB", "--runs", "1");
        // The scaling benchmarks at their smallest: two sites, a thousand queued messages.
        assertThat(BenchCommand.SMOKE_SETTINGS).containsSequence("-p", "sites=2", "-p", "queued=1000");
    }

    @Test
    void theQuickProfileCoversEveryTargetsBenchmarks() {
        assertThat(BenchCommand.QUICK_BENCHMARKS).contains("PrivateKeyBenchmark", "ServiceVersusSmimeBenchmark",
                "SmimeContentBenchmark", "TransportBenchmark", "LargeMessageBenchmark");
        assertThat(BenchCommand.QUICK_SETTINGS).containsSequence("-f", "1");
    }
}
