package org.envelopelab.bench.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TargetsTest {

    @TempDir
    Path directory;

    @Test
    void eachTargetIsTheRatioOfItsTwoSidesInTheSameRun() throws Exception {
        List<TargetCheck> checks = Targets.check(Fixtures.jmh(directory), Fixtures.openssl(directory));

        assertThat(checks).extracting(TargetCheck::name).containsExactly("10MB encrypt vs openssl", "10MB decrypt vs openssl",
                "1KB decrypt vs raw RSA", "1KB sign vs raw RSA", "protect vs S/MIME, 10 recipients", "protect 100 vs 1 recipient",
                "plain path vs raw GreenMail", "service path vs plain path", "50MB in a 128MB heap");
        assertThat(checks).extracting(TargetCheck::measured).containsExactly(3.0, 1.6, 0.9, 0.7, 47.5, 0.85, 0.75,
                1000.0 / 1500.0, Double.NaN);
    }

    @Test
    void aRatioBelowTheRequiredOneFailsAndAMissingSideIsNotMeasured() throws Exception {
        List<TargetCheck> checks = Targets.check(Fixtures.jmh(directory), Fixtures.openssl(directory));

        assertThat(checks).extracting(TargetCheck::status).containsExactly(TargetCheck.Status.PASS, TargetCheck.Status.FAIL,
                TargetCheck.Status.PASS, TargetCheck.Status.FAIL, TargetCheck.Status.PASS, TargetCheck.Status.PASS,
                TargetCheck.Status.PASS, TargetCheck.Status.FAIL, TargetCheck.Status.NOT_MEASURED);
    }

    @Test
    void withoutTheOpenSslSideBySideItsTargetsAreNotMeasured() throws Exception {
        List<TargetCheck> checks = Targets.check(Fixtures.jmh(directory), Optional.empty());

        assertThat(checks.get(0).status()).isEqualTo(TargetCheck.Status.NOT_MEASURED);
        assertThat(checks.get(0).evidence()).contains("openssl.json has no 10MB encrypt");
    }

    @Test
    void theEvidenceNamesBothSides() throws Exception {
        TargetCheck sign = Targets.check(Fixtures.jmh(directory), Optional.empty()).get(3);

        assertThat(sign.evidence()).isEqualTo("PrivateKey.smimeSign 700/s, PrivateKey.jdkRsaSign 1,000/s");
        assertThat(sign.measured()).isCloseTo(0.7, within(1e-9));
    }
}
