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

        assertThat(checks).extracting(TargetCheck::name).startsWith("10MB encrypt vs openssl", "10MB decrypt vs openssl",
                "1KB decrypt vs raw RSA", "1KB sign vs raw RSA", "protect vs S/MIME, 10 recipients", "protect 100 vs 1 recipient",
                "plain path vs raw GreenMail", "service path vs plain path", "50MB in a 128MB heap");
        assertThat(checks).extracting(TargetCheck::measured).startsWith(3.0, 1.6, 0.9, 0.7, 47.5, 0.85, 0.75,
                1000.0 / 1500.0, Double.NaN);
    }

    @Test
    void aRatioBelowTheRequiredOneFailsAndAMissingSideIsNotMeasured() throws Exception {
        List<TargetCheck> checks = Targets.check(Fixtures.jmh(directory), Fixtures.openssl(directory));

        assertThat(checks).extracting(TargetCheck::status).startsWith(TargetCheck.Status.PASS, TargetCheck.Status.FAIL,
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

    @Test
    void theInJvmDecryptIsJudgedAgainstTwoAndAHalfTimesOpenSsl() throws Exception {
        TargetCheck decrypt = find(Targets.check(Fixtures.jmh(directory), Fixtures.openssl(directory)), "10MB decrypt in JVM vs openssl");

        assertThat(decrypt.required()).isEqualTo(2.5);
        assertThat(decrypt.measured()).isEqualTo(1.6);
        assertThat(decrypt.status()).isEqualTo(TargetCheck.Status.FAIL);
    }

    @Test
    void aDecryptWhoseOutputIsNotOpenSslsFailsHoweverFastItIs() throws Exception {
        OpenSslComparison measured = Fixtures.openssl(directory).orElseThrow();
        OpenSslComparison wrong = new OpenSslComparison(measured.opensslVersion(), measured.jvm(), measured.processStartMillis(),
                measured.rows().stream().map(row -> new OpenSslComparison.Row(row.size(), row.bytes(), row.operation(),
                        row.labMillis() / 100, row.opensslMillis(), row.labMegabytesPerSecond() * 100,
                        row.opensslMegabytesPerSecond(), row.ratio() * 100, row.ratioWithoutStart() * 100,
                        row.operation().equals("encrypt"))).toList());

        List<TargetCheck> checks = Targets.check(Fixtures.jmh(directory), Optional.of(wrong));

        assertThat(find(checks, "10MB decrypt in JVM vs openssl").status()).isEqualTo(TargetCheck.Status.FAIL);
        assertThat(find(checks, "10MB decrypt in JVM vs openssl").evidence()).contains("not the entity openssl cms decrypted");
        assertThat(find(checks, "10MB decrypt vs openssl").status()).isEqualTo(TargetCheck.Status.FAIL);
        assertThat(find(checks, "10MB encrypt vs openssl").status()).isEqualTo(TargetCheck.Status.PASS);
    }

    @Test
    void wholeProcessesAreJudgedByTheirWallTimeAndTheirSlowdownAgainstOpenSsl() throws Exception {
        ProcessComparison process = new ProcessComparison("./lab", "OpenSSL 3", "/usr/bin/time -v", 5, List.of(
                new ProcessComparison.Row("smime decrypt 1KB", "1KB", 0.4, 60_000, 0.05, 7_000),
                new ProcessComparison.Row("--version", "", 0.35, 50_000, Double.NaN, 0)));

        List<TargetCheck> checks = Targets.check(Fixtures.jmh(directory), Fixtures.openssl(directory), Optional.of(process));

        assertThat(find(checks, "lab smime decrypt 1KB").status()).isEqualTo(TargetCheck.Status.PASS);
        assertThat(find(checks, "lab smime decrypt 1KB vs openssl").measured()).isCloseTo(8.0, within(1e-9));
        assertThat(find(checks, "lab smime decrypt 1KB vs openssl").status()).isEqualTo(TargetCheck.Status.PASS);
        assertThat(find(checks, "lab --version").status()).isEqualTo(TargetCheck.Status.FAIL);
        assertThat(find(checks, "lab --version").format(0.35)).isEqualTo("0.350 s");
        assertThat(find(checks, "lab smime encrypt 1KB").status()).isEqualTo(TargetCheck.Status.NOT_MEASURED);
    }

    private static TargetCheck find(List<TargetCheck> checks, String name) {
        return checks.stream().filter(check -> check.name().equals(name)).findFirst().orElseThrow();
    }
}
