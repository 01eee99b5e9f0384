package org.envelopelab.bench;

import org.envelopelab.bench.report.ProcessComparison;
import org.envelopelab.pki.KeyType;
import org.envelopelab.pki.Pem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The lab as a person runs it: whole processes, start-up included, the {@code lab} command next
 * to {@code openssl cms} on the same files — encrypt and decrypt from 1KB to 50MB, sign and verify
 * at 1KB — and the lab's start-up commands ({@code lab --version}, {@code lab validate},
 * {@code lab run bank-statement}).
 *
 * <p>Each command runs once to warm the file cache and the launcher's start-up archive, then
 * {@code --runs} times; the median is kept. Each process runs under {@code /usr/bin/time -v}
 * when it is there (its peak resident memory; what anyone can repeat by hand), and its wall-clock
 * time, from start to exit, is taken with this JVM's clock ({@code time -v} rounds to 10 ms).
 *
 * <p>What to notice: at 1KB OpenSSL is a few milliseconds of process start and the lab is a JVM
 * starting (class loading from the start-up archive, the interpreter, C1), so the ratio is large
 * even when the lab's own work is smaller; from 10MB on both are per-byte work and the ratio
 * approaches the in-JVM one of {@code OpenSslSideBySide}.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.envelopelab.bench.ProcessSideBySide --lab ./lab --out lab-out/bench}
 * (options: {@code --sizes 1KB,1MB,10MB,50MB --runs 5 --java PATH} — the JDK the launcher is told to use).
 */
public final class ProcessSideBySide {

    private static final long TIMEOUT_SECONDS = 300;
    private static final Path TIME = Path.of("/usr/bin/time");

    private final Path lab;
    private final Path home;
    private final String java;
    private final Path work;
    private final int runs;

    private ProcessSideBySide(Path lab, String java, Path work, int runs) {
        this.lab = lab.toAbsolutePath();
        this.home = this.lab.getParent();
        this.java = java;
        this.work = work;
        this.runs = runs;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of("lab-out", "bench");
        Path lab = Path.of("lab");
        String java = null;
        List<String> sizes = List.of("1KB", "1MB", "10MB", "50MB");
        int runs = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--lab" -> lab = Path.of(args[++i]);
                case "--java" -> java = args[++i];
                case "--sizes" -> sizes = Arrays.asList(args[++i].split(","));
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: ProcessSideBySide [--lab ./lab] [--out DIR] [--java PATH] [--sizes 1KB,1MB,10MB,50MB] [--runs N]");
                    System.exit(2);
                }
            }
        }
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("envelope-lab-process-");
        try {
            ProcessComparison comparison = new ProcessSideBySide(lab, java, work, runs).run(sizes);
            comparison.write(out.resolve("process.json"));
            Files.writeString(out.resolve("process.md"), comparison.markdown());
            System.out.println("process side-by-side: " + out.resolve("process.json") + ", " + out.resolve("process.md"));
        } finally {
            try (var files = Files.walk(work)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    ProcessComparison run(List<String> sizes) throws Exception {
        Correspondents people = Correspondents.of(KeyType.RSA_2048, 1);
        Files.writeString(work.resolve("bob.pem"), Pem.write(people.bob().certificate()), StandardCharsets.US_ASCII);
        Files.writeString(work.resolve("bob.key"), Pem.privateKey(people.bob().privateKey(), null), StandardCharsets.US_ASCII);
        // Alice signs: the sample statements are from her.
        Files.writeString(work.resolve("alice.pem"), Pem.write(people.alice().certificate()), StandardCharsets.US_ASCII);
        Files.writeString(work.resolve("alice.key"), Pem.privateKey(people.alice().privateKey(), null), StandardCharsets.US_ASCII);
        String labVersion = String.join("; ", output(labCommand("--version")).lines().skip(1).toList());
        String opensslVersion = output(List.of("openssl", "version")).strip();
        String timer = Files.isExecutable(TIME) ? "/usr/bin/time -v" : "the JVM's clock (no /usr/bin/time)";
        List<ProcessComparison.Row> rows = new ArrayList<>();

        rows.add(labOnly("--version", labCommand("--version")));
        rows.add(labOnly("validate clinic.yaml", labCommand("validate", home.resolve("scenarios/clinic.yaml").toString())));
        rows.add(labOnly("run bank-statement", labCommand("run", "bank-statement", "--out", work.resolve("run").toString())));

        for (String size : sizes) {
            Path original = Files.write(work.resolve(size + ".eml"), SampleMail.bytes(MessageSize.bytes(size)));
            Path byLab = work.resolve(size + ".lab.p7m");
            Path byOpenssl = work.resolve(size + ".openssl.p7m");
            rows.add(both("smime encrypt " + size, size,
                    labCommand("smime", "encrypt", original.toString(), "--to", "bob.pem", "-o", byLab.toString()),
                    List.of("openssl", "cms", "-encrypt", "-binary", "-aes-256-gcm", "-in", original.toString(), "-out",
                            byOpenssl.toString(), "-recip", "bob.pem", "-keyopt", "rsa_padding_mode:oaep", "-keyopt",
                            "rsa_oaep_md:sha256", "-keyopt", "rsa_mgf1_md:sha256")));
            // Both decrypt the file OpenSSL encrypted.
            rows.add(both("smime decrypt " + size, size,
                    labCommand("smime", "decrypt", byOpenssl.toString(), "--key", "bob.key", "--cert", "bob.pem", "-o",
                            work.resolve(size + ".lab.out").toString()),
                    List.of("openssl", "cms", "-decrypt", "-binary", "-inkey", "bob.key", "-recip", "bob.pem", "-in",
                            byOpenssl.toString(), "-out", work.resolve(size + ".openssl.out").toString())));
            if (size.equals(sizes.get(0))) {
                Path signedByLab = work.resolve(size + ".signed.eml");
                Path signedByOpenssl = work.resolve(size + ".openssl-signed.eml");
                rows.add(both("smime sign " + size, size,
                        labCommand("smime", "sign", original.toString(), "--key", "alice.key", "--cert", "alice.pem", "-o",
                                signedByLab.toString()),
                        List.of("openssl", "cms", "-sign", "-in", original.toString(), "-out", signedByOpenssl.toString(),
                                "-signer", "alice.pem", "-inkey", "alice.key", "-md", "sha256")));
                // Each verifies its own signature: without a CA the lab says nobody vouched (exit 4), OpenSSL is told -noverify.
                rows.add(both("smime verify " + size, size, labCommand("smime", "verify", signedByLab.toString()),
                        List.of("openssl", "cms", "-verify", "-noverify", "-in", signedByOpenssl.toString(), "-out",
                                work.resolve(size + ".verified").toString())));
            }
            Files.deleteIfExists(original);
        }
        return new ProcessComparison(lab + " (" + labVersion + ")", opensslVersion, timer, runs, rows);
    }

    private ProcessComparison.Row labOnly(String name, List<String> command) throws Exception {
        Measured lab = measure(command);
        print(name, lab, null);
        return new ProcessComparison.Row(name, "", lab.seconds(), lab.peakKb(), Double.NaN, 0);
    }

    private ProcessComparison.Row both(String name, String size, List<String> labCommand, List<String> opensslCommand) throws Exception {
        Measured openssl = measure(opensslCommand);
        Measured lab = measure(labCommand);
        print(name, lab, openssl);
        return new ProcessComparison.Row(name, size, lab.seconds(), lab.peakKb(), openssl.seconds(), openssl.peakKb());
    }

    private static void print(String name, Measured lab, Measured openssl) {
        System.out.printf(Locale.ROOT, "  %-24s lab %7.3f s %5.0f MB%s%n", name, lab.seconds(), lab.peakKb() / 1024.0,
                openssl == null ? "" : String.format(Locale.ROOT, "   openssl cms %7.3f s %5.0f MB   lab/openssl %.1fx",
                        openssl.seconds(), openssl.peakKb() / 1024.0, lab.seconds() / openssl.seconds()));
        System.out.flush();
    }

    private List<String> labCommand(String... arguments) {
        List<String> command = new ArrayList<>(List.of(lab.toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    private record Measured(double seconds, long peakKb) {
    }

    /** One warm-up run, then the median of {@code runs}. */
    private Measured measure(List<String> command) throws Exception {
        once(command);
        double[] seconds = new double[runs];
        long[] peaks = new long[runs];
        for (int i = 0; i < runs; i++) {
            Measured one = once(command);
            seconds[i] = one.seconds();
            peaks[i] = one.peakKb();
        }
        Arrays.sort(seconds);
        Arrays.sort(peaks);
        return new Measured(seconds[runs / 2], peaks[runs / 2]);
    }

    private Measured once(List<String> command) throws IOException, InterruptedException {
        boolean timed = Files.isExecutable(TIME);
        Path report = work.resolve("time.txt");
        List<String> full = new ArrayList<>();
        if (timed) {
            full.addAll(List.of(TIME.toString(), "-v", "-o", report.toString()));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("process.log").toFile());
        if (java != null) {
            builder.environment().put("LAB_JAVA", java);
        }
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("did not finish in " + TIMEOUT_SECONDS + " s: " + String.join(" ", command));
        }
        double wall = (System.nanoTime() - start) / 1e9;
        int code = process.exitValue();
        boolean verifyWithoutCa = command.contains("verify") && code == 4;
        if (code != 0 && !verifyWithoutCa) {
            throw new IllegalStateException("failed (exit " + code + "): " + String.join(" ", command) + "\n"
                    + Files.readString(work.resolve("process.log"), StandardCharsets.ISO_8859_1));
        }
        if (!timed) {
            return new Measured(wall, 0);
        }
        // Wall time from this JVM's clock (time -v rounds it to 10 ms, too coarse for openssl at 1KB); memory from time -v.
        Map<String, String> fields = timeReport(Files.readAllLines(report));
        return new Measured(wall, Long.parseLong(fields.getOrDefault("Maximum resident set size (kbytes)", "0")));
    }

    private static Map<String, String> timeReport(List<String> lines) {
        Map<String, String> fields = new HashMap<>();
        Set<String> wanted = Set.of("Maximum resident set size (kbytes)");
        for (String line : lines) {
            int colon = line.lastIndexOf(": ");
            if (colon > 0 && wanted.contains(line.substring(0, colon).strip())) {
                fields.put(line.substring(0, colon).strip(), line.substring(colon + 2).strip());
            }
        }
        return fields;
    }

    private String output(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (java != null) {
            builder.environment().put("LAB_JAVA", java);
        }
        Process process = builder.start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return text;
    }
}
