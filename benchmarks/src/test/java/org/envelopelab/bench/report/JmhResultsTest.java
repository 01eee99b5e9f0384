package org.envelopelab.bench.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JmhResultsTest {

    @TempDir
    Path directory;

    @Test
    void readsEachResultWithItsClassMethodParametersAndScore() throws Exception {
        JmhResults jmh = Fixtures.jmh(directory);

        assertThat(jmh.classNames()).containsExactly("PrivateKeyBenchmark", "ServiceVersusSmimeBenchmark",
                "SmimeContentBenchmark", "TransportBenchmark");
        JmhResult plain = jmh.find("TransportBenchmark", "deliver", Map.of("path", "plain")).orElseThrow();
        assertThat(plain.score()).isEqualTo(1500.0);
        assertThat(plain.unit()).isEqualTo("ops/s");
        assertThat(plain.paramText()).isEqualTo("path=plain");
        assertThat(jmh.jvm()).startsWith("OpenJDK 64-Bit Server VM 17");
    }

    @Test
    void convertsEveryUnitToOperationsPerSecond() {
        assertThat(result(2.0, "ops/ms").opsPerSecond()).isEqualTo(2000.0);
        assertThat(result(4.0, "ms/op").opsPerSecond()).isEqualTo(250.0);
        assertThat(result(0.5, "s/op").opsPerSecond()).isEqualTo(2.0);
    }

    @Test
    void findsNothingForParametersThatDidNotRun() throws Exception {
        assertThat(Fixtures.jmh(directory).find("TransportBenchmark", "deliver", Map.of("path", "carrier-pigeon"))).isEmpty();
    }

    private static JmhResult result(double score, String unit) {
        return new JmhResult("org.envelopelab.bench.X.y", Map.of(), "avgt", score, 0, unit, "17", "vm", "17");
    }
}
