package org.envelopelab.bench.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BenchReportTest {

    @TempDir
    Path directory;

    @Test
    void writesTheSummaryAndChartsNextToTheRunsDataWithWhatRunTxtSays() throws Exception {
        Fixtures.runIn(directory);
        Files.writeString(directory.resolve("run.txt"), "command: lab bench --quick\nJDK: 17.0.15\n");

        Path summary = BenchReport.write(directory);

        assertThat(Files.readString(summary)).startsWith("# Envelope Lab benchmarks\n\n- command: lab bench --quick\n- JDK: 17.0.15\n");
        assertThat(directory.resolve("charts/targets.png")).isNotEmptyFile();
        assertThat(directory.resolve("charts/TransportBenchmark.png")).isNotEmptyFile();
    }

    @Test
    void comparesTwoRunsInATableAndAChart() throws Exception {
        Path first = Files.createDirectories(directory.resolve("jdk17"));
        Path second = Files.createDirectories(directory.resolve("jdk25"));
        Fixtures.runIn(first);
        Fixtures.runIn(second);

        Path table = BenchReport.writeSideBySide(first, "JDK 17", second, "JDK 25", directory);

        assertThat(Files.readString(table)).contains("| benchmark | parameters | JDK 17 ops/s | JDK 25 ops/s | JDK 25 / JDK 17 |")
                .contains("| TransportBenchmark.deliver | path=plain | 1,500 | 1,500 | 1.00x |");
        assertThat(directory.resolve("charts/side-by-side.png")).isNotEmptyFile();
    }
}
