package org.envelopelab.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The targets, each a ratio of two measurements taken in the same run: the lab against
 * {@code openssl cms}, against the JDK's raw private-key operations, the service against S/MIME,
 * and the transport against GreenMail alone.
 */
public final class Targets {

    private Targets() {
    }

    public static List<TargetCheck> check(JmhResults jmh, Optional<OpenSslComparison> openssl) {
        List<TargetCheck> checks = new ArrayList<>();
        for (String operation : List.of("encrypt", "decrypt")) {
            String target = "S/MIME AES-256-GCM 10MB " + operation + " >= 2.0x `openssl cms` on the same file";
            String name = "10MB " + operation + " vs openssl";
            checks.add(openssl.flatMap(comparison -> comparison.row("10MB", operation))
                    .map(row -> new TargetCheck(name, target, 2.0, row.ratio(), String.format(Locale.ROOT,
                            "lab %.1f MB/s, openssl cms %.1f MB/s (%.2fx without its process start)",
                            row.labMegabytesPerSecond(), row.opensslMegabytesPerSecond(), row.ratioWithoutStart())))
                    .orElse(TargetCheck.notMeasured(name, target, 2.0, "openssl.json has no 10MB " + operation)));
        }
        checks.add(ratio(jmh, "1KB decrypt vs raw RSA", "S/MIME 1KB decrypt >= 80% of the JDK's raw RSA-2048 private-key decryptions/s", 0.8,
                "PrivateKeyBenchmark", "smimeDecrypt", Map.of(), "PrivateKeyBenchmark", "jdkRsaDecrypt", Map.of()));
        checks.add(ratio(jmh, "1KB sign vs raw RSA", "S/MIME 1KB sign >= 80% of the JDK's raw RSA-2048 signatures/s", 0.8,
                "PrivateKeyBenchmark", "smimeSign", Map.of(), "PrivateKeyBenchmark", "jdkRsaSign", Map.of()));
        checks.add(ratio(jmh, "protect vs S/MIME, 10 recipients", "service protect (10KB, 10 recipients) >= 10x S/MIME sign+encrypt", 10.0,
                "ServiceVersusSmimeBenchmark", "serviceProtect", Map.of("recipients", "10"),
                "ServiceVersusSmimeBenchmark", "smimeSignAndEncrypt", Map.of("recipients", "10")));
        checks.add(ratio(jmh, "protect 100 vs 1 recipient", "service protect flat from 1 to 100 recipients (100 >= 80% of 1)", 0.8,
                "ServiceVersusSmimeBenchmark", "serviceProtect", Map.of("recipients", "100"),
                "ServiceVersusSmimeBenchmark", "serviceProtect", Map.of("recipients", "1")));
        checks.add(ratio(jmh, "plain path vs raw GreenMail", "end-to-end transport, plain 10KB >= 70% of raw GreenMail SMTP messages/s", 0.7,
                "TransportBenchmark", "deliver", Map.of("path", "plain"), "TransportBenchmark", "deliver", Map.of("path", "raw-greenmail")));
        checks.add(ratio(jmh, "service path vs plain path", "service path end to end >= 80% of the plain path", 0.8,
                "TransportBenchmark", "deliver", Map.of("path", "service"), "TransportBenchmark", "deliver", Map.of("path", "plain")));
        String large = "50MB S/MIME encrypt + decrypt completes with a 128MB heap";
        checks.add(jmh.find("LargeMessageBenchmark", "encryptThenDecrypt", Map.of())
                .map(result -> new TargetCheck("50MB in a 128MB heap", large, 1.0, 1.0, String.format(Locale.ROOT,
                        "completed with -Xmx128m in %.0f ms per encrypt + decrypt; decrypted file equal to the original (SHA-256)",
                        1000 / result.opsPerSecond())))
                .orElse(TargetCheck.notMeasured("50MB in a 128MB heap", large, 1.0, "LargeMessageBenchmark did not run")));
        return checks;
    }

    private static TargetCheck ratio(JmhResults jmh, String name, String target, double required, String leftClass, String leftMethod,
                                     Map<String, String> leftParams, String rightClass, String rightMethod,
                                     Map<String, String> rightParams) {
        Optional<JmhResult> left = jmh.find(leftClass, leftMethod, leftParams);
        Optional<JmhResult> right = jmh.find(rightClass, rightMethod, rightParams);
        if (left.isEmpty() || right.isEmpty()) {
            return TargetCheck.notMeasured(name, target, required, "not in this run: "
                    + (left.isEmpty() ? describe(leftClass, leftMethod, leftParams) : describe(rightClass, rightMethod, rightParams)));
        }
        double leftOps = left.get().opsPerSecond();
        double rightOps = right.get().opsPerSecond();
        return new TargetCheck(name, target, required, leftOps / rightOps, String.format(Locale.ROOT, "%s %s/s, %s %s/s",
                describe(leftClass, leftMethod, leftParams), Numbers.ops(leftOps),
                describe(rightClass, rightMethod, rightParams), Numbers.ops(rightOps)));
    }

    private static String describe(String className, String method, Map<String, String> params) {
        String where = className.replace("Benchmark", "") + "." + method;
        return params.isEmpty() ? where : where + params.toString().replace('{', '(').replace('}', ')');
    }
}
