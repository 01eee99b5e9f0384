package org.envelopelab.bench;

import org.envelopelab.bench.report.OpenSslComparison;
import org.envelopelab.bench.report.OpenSslTable;
import org.envelopelab.pki.KeyType;
import org.envelopelab.pki.Pem;
import org.envelopelab.smime.EncryptionOptions;
import org.envelopelab.smime.Smime;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lab's S/MIME next to {@code openssl cms} on the same files: AES-256-GCM with RSA-OAEP
 * (SHA-256) for one RSA-2048 recipient — the lab's default, and OpenSSL told the same with
 * {@code -keyopt} — for messages of 1KB to 10MB. Both decrypt the same file (the one OpenSSL
 * encrypted), and the decrypted bytes are compared.
 *
 * <p>Why a plain main and not JMH: an {@code openssl} run is a process, and what a user waits for
 * is the whole process, so it is timed from start to exit. JMH's forks, blackholes and
 * dead-code defences protect JIT-compiled code and add nothing to an external process; what
 * matters is kept: a warm-up before measuring (the lab's JIT, the file cache for both), many runs,
 * the median. The lab side runs in this warm JVM, file to file, through the same streaming calls
 * {@code lab smime} uses. OpenSSL's process start is measured on its own ({@code openssl version})
 * and the ratio is given with and without it.
 *
 * <p>What to notice: at 1KB OpenSSL is all process start and the lab wins by a wide margin; at
 * 10MB both are per-byte work (AES, base64, line ends), which is where the target applies (the lab
 * at least twice OpenSSL's throughput).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.envelopelab.bench.OpenSslSideBySide --out lab-out/bench}
 * (options: {@code --sizes 1KB,64KB,1MB,10MB --warmup 2 --measure 2 --runs 10}).
 */
public final class OpenSslSideBySide {

    private static final Pattern MIME_VERSION = Pattern.compile("(?im)^MIME-Version:[^\r\n]*\r\n");

    private final Path work;
    private final OpenSslProcess openssl;
    private final TimedLoop loop;
    private final PrintStream progress;
    private final Correspondents people = Correspondents.of(KeyType.RSA_2048, 1);

    OpenSslSideBySide(Path work, TimedLoop loop, PrintStream progress) {
        this.work = work;
        this.openssl = new OpenSslProcess(work);
        this.loop = loop;
        this.progress = progress;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of("lab-out", "bench");
        List<String> sizes = List.of("1KB", "64KB", "1MB", "10MB");
        double warmup = 2;
        double measure = 2;
        int runs = 10;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--sizes" -> sizes = Arrays.asList(args[++i].split(","));
                case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                case "--measure" -> measure = Double.parseDouble(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: OpenSslSideBySide [--out DIR] [--sizes 1KB,64KB,1MB,10MB] [--warmup SECONDS]"
                            + " [--measure SECONDS] [--runs N]");
                    System.exit(2);
                }
            }
        }
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("envelope-lab-openssl-");
        try {
            OpenSslComparison comparison = new OpenSslSideBySide(work, new TimedLoop(warmup, measure, runs), System.out).run(sizes);
            comparison.write(out.resolve("openssl.json"));
            Files.writeString(out.resolve("openssl.md"), OpenSslTable.markdown(comparison));
            System.out.println("openssl side-by-side: " + out.resolve("openssl.json") + ", " + out.resolve("openssl.md"));
        } finally {
            try (var files = Files.list(work)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    OpenSslComparison run(List<String> sizes) throws Exception {
        Files.writeString(work.resolve("bob.pem"), Pem.write(people.bob().certificate()), StandardCharsets.US_ASCII);
        Files.writeString(work.resolve("bob.key"), Pem.privateKey(people.bob().privateKey(), null), StandardCharsets.US_ASCII);
        String version = openssl.output("version");
        double start = loop.medianMillis(() -> openssl.time("version"));
        progress.printf(Locale.ROOT, "openssl: %s; process start (openssl version) %.2f ms%n", version, start);
        List<OpenSslComparison.Row> rows = new ArrayList<>();
        for (String size : sizes) {
            int bytes = MessageSize.bytes(size);
            Path original = Files.write(work.resolve("message-" + size + ".eml"), SampleMail.bytes(bytes));
            Path byOpenssl = work.resolve("message-" + size + ".openssl.p7m");
            Path byLab = work.resolve("message-" + size + ".lab.p7m");
            double opensslEncrypt = loop.medianMillis(() -> openssl.time("cms", "-encrypt", "-binary", "-aes-256-gcm",
                    "-in", original.getFileName().toString(), "-out", byOpenssl.getFileName().toString(), "-recip", "bob.pem",
                    "-keyopt", "rsa_padding_mode:oaep", "-keyopt", "rsa_oaep_md:sha256", "-keyopt", "rsa_mgf1_md:sha256"));
            double labEncrypt = loop.medianMillis(() -> labEncrypt(original, byLab));
            rows.add(row(size, bytes, "encrypt", labEncrypt, opensslEncrypt, start, true));

            Path opensslPlain = work.resolve("message-" + size + ".openssl.out");
            Path labPlain = work.resolve("message-" + size + ".lab.out");
            double opensslDecrypt = loop.medianMillis(() -> openssl.time("cms", "-decrypt", "-binary", "-inkey", "bob.key",
                    "-recip", "bob.pem", "-in", byOpenssl.getFileName().toString(), "-out", opensslPlain.getFileName().toString()));
            double labDecrypt = loop.medianMillis(() -> labDecrypt(byOpenssl, labPlain));
            boolean same = sameEntity(Files.readAllBytes(labPlain), Files.readAllBytes(opensslPlain));
            rows.add(row(size, bytes, "decrypt", labDecrypt, opensslDecrypt, start, same));
        }
        return new OpenSslComparison(version, System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                start, rows);
    }

    private OpenSslComparison.Row row(String size, int bytes, String operation, double lab, double openssl, double start,
                                      boolean same) {
        double megabytes = bytes / (1024.0 * 1024.0);
        double opensslWithoutStart = Math.max(openssl - start, 1e-3);
        OpenSslComparison.Row row = new OpenSslComparison.Row(size, bytes, operation, lab, openssl, megabytes / (lab / 1000),
                megabytes / (openssl / 1000), openssl / lab, opensslWithoutStart / lab, same);
        progress.printf(Locale.ROOT, "  %-5s %-7s lab %9.3f ms (%7.1f MB/s)   openssl cms %9.3f ms (%7.1f MB/s)   lab/openssl %5.2fx"
                        + " (%5.2fx without process start)%s%n", size, operation, lab, row.labMegabytesPerSecond(), openssl,
                row.opensslMegabytesPerSecond(), row.ratio(), row.ratioWithoutStart(), same ? "" : "  OUTPUTS DIFFER");
        return row;
    }

    /**
     * Whether both decrypted the same entity. The lab writes the message as a mail client shows it:
     * the encrypted message's outer header section (for OpenSSL's file, only MIME-Version) and then
     * the decrypted entity; OpenSSL writes the entity alone. When the entity is a whole message with
     * its own MIME-Version (OpenSSL encrypts the file it is given), the lab writes MIME-Version once,
     * in front, and the entity's other fields and body as they were.
     */
    static boolean sameEntity(byte[] lab, byte[] openssl) {
        byte[] entity = withoutMimeVersion(openssl);
        int prefix = lab.length - entity.length;
        if (prefix < 0 || !Arrays.equals(lab, prefix, lab.length, entity, 0, entity.length)) {
            return false;
        }
        String outer = new String(lab, 0, prefix, StandardCharsets.ISO_8859_1);
        boolean movedToTheFront = entity.length != openssl.length;
        if (movedToTheFront && !MIME_VERSION.matcher(outer).find()) {
            return false;
        }
        return outer.isEmpty() || (outer.endsWith("\r\n") && !outer.contains("\r\n\r\n") && !outer.startsWith("\r\n"));
    }

    /** The entity without the MIME-Version field of its header section, or as it is when it has none. */
    private static byte[] withoutMimeVersion(byte[] entity) {
        String text = new String(entity, StandardCharsets.ISO_8859_1);
        int blankLine = text.indexOf("\r\n\r\n");
        if (text.startsWith("\r\n") || blankLine < 0) {
            return entity;
        }
        Matcher field = MIME_VERSION.matcher(text).region(0, blankLine + 2);
        if (!field.find()) {
            return entity;
        }
        return (text.substring(0, field.start()) + text.substring(field.end())).getBytes(StandardCharsets.ISO_8859_1);
    }

    private long labEncrypt(Path original, Path encrypted) throws Exception {
        long start = System.nanoTime();
        try (InputStream in = Files.newInputStream(original); OutputStream out = Files.newOutputStream(encrypted)) {
            Smime.encrypt(in, out, List.of(people.bob().certificate()), EncryptionOptions.defaults());
        }
        return System.nanoTime() - start;
    }

    private long labDecrypt(Path encrypted, Path decrypted) throws Exception {
        long start = System.nanoTime();
        try (InputStream in = Files.newInputStream(encrypted); OutputStream out = Files.newOutputStream(decrypted)) {
            Smime.decrypt(in, out, people.bob());
        }
        return System.nanoTime() - start;
    }
}
