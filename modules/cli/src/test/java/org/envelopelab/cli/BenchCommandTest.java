package org.envelopelab.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
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
    void quickAndFullTogetherIsBadUsage() {
        assertThat(lab("bench", "--quick", "--full")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("--quick and --full cannot be used together");
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
    void theQuickProfileCoversEveryTargetsBenchmarks() {
        assertThat(BenchCommand.QUICK_BENCHMARKS).contains("PrivateKeyBenchmark", "ServiceVersusSmimeBenchmark",
                "SmimeContentBenchmark", "TransportBenchmark", "LargeMessageBenchmark");
        assertThat(BenchCommand.QUICK_SETTINGS).containsSequence("-f", "1");
    }
}
