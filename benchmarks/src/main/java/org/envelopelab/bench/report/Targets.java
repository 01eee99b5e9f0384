package org.envelopelab.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The targets, each a ratio of two measurements taken in the same run — the lab against
 * {@code openssl cms}, against the JDK's raw private-key operations, the service against S/MIME,
 * the transport against GreenMail alone — or a whole process's wall time ({@code process.json}).
 */
public final class Targets {

    private Targets() {
    }

    public static List<TargetCheck> check(JmhResults jmh, Optional<OpenSslComparison> openssl) {
        return check(jmh, openssl, Optional.empty());
    }

    /** Every target, in the order the report lists them; those whose sides did not run are NOT_MEASURED. */
    public static List<TargetCheck> check(JmhResults jmh, Optional<OpenSslComparison> openssl, Optional<ProcessComparison> process) {
        List<TargetCheck> checks = new ArrayList<>();
        for (String operation : List.of("encrypt", "decrypt")) {
            String target = "S/MIME AES-256-GCM 10MB " + operation + " >= 2.0x `openssl cms` on the same file";
            String name = "10MB " + operation + " vs openssl";
            checks.add(versusOpenssl(openssl, operation, name, target, 2.0));
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
        checks.add(ratio(jmh, "service path vs plain path", "service path end to end >= 90% of the plain path", 0.9,
                "TransportBenchmark", "deliver", Map.of("path", "service"), "TransportBenchmark", "deliver", Map.of("path", "plain")));
        String large = "50MB S/MIME encrypt + decrypt completes with a 128MB heap";
        checks.add(jmh.find("LargeMessageBenchmark", "encryptThenDecrypt", Map.of())
                .map(result -> new TargetCheck("50MB in a 128MB heap", large, 1.0, 1.0, String.format(Locale.ROOT,
                        "completed with -Xmx128m in %.0f ms per encrypt + decrypt; decrypted file equal to the original (SHA-256)",
                        1000 / result.opsPerSecond())))
                .orElse(TargetCheck.notMeasured("50MB in a 128MB heap", large, 1.0, "LargeMessageBenchmark did not run")));

        // Round two: the service per byte, the licence flat in size, the in-JVM decrypt, whole processes.
        for (String[] pair : new String[][] {{"protect", "encrypt"}, {"open", "decrypt"}}) {
            checks.add(ratio(jmh, "service " + pair[0] + " vs S/MIME " + pair[1] + ", 10MB",
                    "in JVM: service " + pair[0] + " of 10MB >= the S/MIME AES-256-GCM " + pair[1] + " rate", 1.0,
                    "ServiceBenchmark", pair[0], Map.of("size", "10MB"),
                    "SmimeContentBenchmark", pair[1], Map.of("size", "10MB", "cipher", "AES_256_GCM")));
        }
        checks.add(ratio(jmh, "licence 10MB vs 1KB", "service licence check flat in message size (10MB >= 80% of 1KB)", 0.8,
                "ServiceBenchmark", "license", Map.of("size", "10MB"), "ServiceBenchmark", "license", Map.of("size", "1KB")));
        String decrypt = "in JVM: 10MB GCM decrypt >= 2.5x `openssl cms` on the same file";
        checks.add(versusOpenssl(openssl, "decrypt", "10MB decrypt in JVM vs openssl", decrypt, 2.5));
        for (String operation : List.of("decrypt", "encrypt", "sign", "verify")) {
            String row = "smime " + operation + " 1KB";
            checks.add(seconds(process, "lab " + row, "`lab " + row + "`, whole process <= 0.5 s wall", 0.5, row));
            checks.add(slowdown(process, "lab " + row + " vs openssl", "`lab " + row + "`, whole process <= 10x `openssl cms`",
                    10.0, row));
        }
        checks.add(seconds(process, "lab --version", "`lab --version`, whole process <= 0.3 s wall", 0.3, "--version"));
        checks.add(seconds(process, "lab validate", "`lab validate <one file>`, whole process <= 0.3 s wall", 0.3,
                "validate clinic.yaml"));
        checks.add(seconds(process, "lab run bank-statement", "`./lab run bank-statement`, whole process <= 1.5 s wall", 1.5,
                "run bank-statement"));
        for (String operation : List.of("encrypt", "decrypt")) {
            checks.add(slowdown(process, "lab smime " + operation + " 10MB vs openssl",
                    "`lab smime " + operation + "` of 10MB, whole process <= 1.5x `openssl cms`", 1.5, "smime " + operation + " 10MB"));
        }
        return checks;
    }

    /** A whole process's wall time, from the process side-by-side. */
    private static TargetCheck seconds(Optional<ProcessComparison> process, String name, String target, double limit, String row) {
        return process.flatMap(comparison -> comparison.row(row))
                .map(found -> new TargetCheck(name, target, limit, found.labSeconds(), String.format(Locale.ROOT,
                        "lab %.3f s wall, %.0f MB peak (median, process.json)", found.labSeconds(), found.labPeakKb() / 1024.0),
                        true, "s"))
                .orElse(TargetCheck.notMeasured(name, target, limit, "process.json has no '" + row + "'", true, "s"));
    }

    /** How many times OpenSSL's wall time a whole lab process took. */
    private static TargetCheck slowdown(Optional<ProcessComparison> process, String name, String target, double limit, String row) {
        return process.flatMap(comparison -> comparison.row(row)).filter(found -> !Double.isNaN(found.slowdown()))
                .map(found -> new TargetCheck(name, target, limit, found.slowdown(), String.format(Locale.ROOT,
                        "lab %.3f s, openssl cms %.3f s (medians, process.json)", found.labSeconds(), found.opensslSeconds()),
                        true, "x"))
                .orElse(TargetCheck.notMeasured(name, target, limit, "process.json has no '" + row + "' with openssl", true, "x"));
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

    /**
     * The lab in the JVM against {@code openssl cms} on the same 10MB file. A decrypt whose output is
     * not the entity OpenSSL decrypted fails whatever its speed: a fast wrong answer is not a result.
     */
    private static TargetCheck versusOpenssl(Optional<OpenSslComparison> openssl, String operation, String name, String target,
                                             double required) {
        return openssl.flatMap(comparison -> comparison.row("10MB", operation))
                .map(row -> row.sameOutput()
                        ? new TargetCheck(name, target, required, row.ratio(), String.format(Locale.ROOT,
                                "lab %.1f MB/s, openssl cms %.1f MB/s (%.2fx without its process start)",
                                row.labMegabytesPerSecond(), row.opensslMegabytesPerSecond(), row.ratioWithoutStart()))
                        : new TargetCheck(name, target, required, 0, "the lab's output is not the entity openssl cms decrypted"))
                .orElse(TargetCheck.notMeasured(name, target, required, "openssl.json has no 10MB " + operation));
    }
}
