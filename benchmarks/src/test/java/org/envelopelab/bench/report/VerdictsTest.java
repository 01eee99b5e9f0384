package org.envelopelab.bench.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** targets.json decides lab bench's exit code; under the full profile a missing measurement fails. */
class VerdictsTest {

    @TempDir
    Path directory;

    @Test
    void aQuickRunFailsOnlyOnAMeasuredFailure() throws Exception {
        Fixtures.runIn(directory);

        BenchReport.write(directory, "quick");

        String json = Files.readString(directory.resolve("targets.json"));
        assertThat(json).contains("\"verdict\" : \"NOT MEASURED\"").doesNotContain("FAIL (not measured)");
        assertThat(Verdicts.exitCode(directory.resolve("targets.json"))).isEqualTo(1); // the fixture's 10MB decrypt fails
    }

    @Test
    void underTheFullProfileATargetWithoutAMeasurementFails() throws Exception {
        Fixtures.runIn(directory);

        Path summary = BenchReport.write(directory, "full");

        assertThat(Files.readString(directory.resolve("targets.json"))).contains("\"verdict\" : \"FAIL (not measured)\"");
        assertThat(Files.readString(summary)).contains("| 50MB S/MIME encrypt + decrypt completes with a 128MB heap | 1.00x | n/a"
                + " | **FAIL (not measured)** |");
        assertThat(Verdicts.exitCode(directory.resolve("targets.json"))).isEqualTo(1);
    }

    @Test
    void theSmokePassJudgesNothing() throws Exception {
        Fixtures.runIn(directory);

        BenchReport.write(directory, "smoke");

        assertThat(Verdicts.exitCode(directory.resolve("targets.json"))).isZero();
        assertThat(Verdicts.lines(directory.resolve("targets.json"))).allMatch(line -> line.contains("not judged"));
    }
}
