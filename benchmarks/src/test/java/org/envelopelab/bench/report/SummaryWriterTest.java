package org.envelopelab.bench.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryWriterTest {

    @TempDir
    Path directory;

    @Test
    void theTargetsTableGivesEachRatioAndItsResult() throws Exception {
        String summary = SummaryWriter.markdown(Fixtures.jmh(directory), Fixtures.openssl(directory), List.of(), false);

        assertThat(summary).contains("| target | required | measured | result | from |")
                .contains("| S/MIME AES-256-GCM 10MB encrypt >= 2.0x `openssl cms` on the same file | 2.00x | 3.00x | **PASS** |")
                .contains("| S/MIME 1KB sign >= 80% of the JDK's raw RSA-2048 signatures/s | 0.80x | 0.70x | **FAIL** |")
                .contains("| 50MB S/MIME encrypt + decrypt completes with a 128MB heap | 1.00x | n/a | **NOT MEASURED** |");
    }

    @Test
    void eachComparisonHasItsOwnTableWithMegabytesPerSecondWhereSizeIsAParameter() throws Exception {
        String summary = SummaryWriter.markdown(Fixtures.jmh(directory), Fixtures.openssl(directory), List.of(), false);

        assertThat(summary).contains("## S/MIME 1KB sign and decrypt next to the JDK's raw RSA-2048 private-key operations")
                .contains("## End to end through the Camel transport and GreenMail, 10KB messages per second")
                .contains("| deliver | path=plain | 1,500 | ± 30.0 | ops/s |  |")
                .contains("| encrypt | cipher=AES_256_GCM, size=10MB | 30.0 | ± 0.600 | ops/s | 300.0 |");
    }

    @Test
    void contextLinesAndChartLinksAppearWhenGiven() throws Exception {
        String summary = SummaryWriter.markdown(Fixtures.jmh(directory), Fixtures.openssl(directory),
                List.of("command: java -jar benchmarks.jar -f 1", "CPU: AMD EPYC"), true);

        assertThat(summary).contains("- command: java -jar benchmarks.jar -f 1\n- CPU: AMD EPYC\n")
                .contains("![targets](charts/targets.png)")
                .contains("![TransportBenchmark](charts/TransportBenchmark.png)");
    }

    @Test
    void theOpenSslSideBySideIsIncludedAsATable() throws Exception {
        String summary = SummaryWriter.markdown(Fixtures.jmh(directory), Fixtures.openssl(directory), List.of(), false);

        assertThat(summary).contains("## The lab's S/MIME next to `openssl cms`")
                .contains("| 10MB | decrypt | 60.000 | 166.7 | 96.000 | 104.2 | 1.60x | 1.55x | yes |");
    }
}
