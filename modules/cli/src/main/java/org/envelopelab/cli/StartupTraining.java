package org.envelopelab.cli;

import org.envelopelab.mailnet.MailStreams;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run behind the {@code lab} launcher's start-up archive. The launcher runs this main
 * once per build of the lab and per JDK, with {@code -XX:ArchiveClassesAtExit} (JDK 17: class-data
 * sharing) or {@code -XX:AOTCacheOutput} (JDK 25: the ahead-of-time cache). The JDK records every
 * class the run loads, parsed, verified and (on 25) linked, so later commands start from the
 * archive instead of reading, checking and linking those classes from the jar again.
 *
 * <p>There are two archives, because a JDK 25 cache makes every class it holds ready at start,
 * and the thousands of classes of a running mail world (Camel, GreenMail, Jackson, Jetty) would
 * slow down {@code lab smime decrypt} more than they speed it up:
 * <ul>
 *   <li>{@code tools}: help and version, validating the scenarios, issuing RSA and EC
 *       certificates, the four S/MIME commands on a small message with PEM and PKCS#12 keys,
 *       revoking — what every command but the three below loads;</li>
 *   <li>{@code world}: {@code lab run}, {@code lab serve} and {@code lab routes}: two scenarios
 *       end to end, one in the clear and one through the message encryption service and its
 *       portal, and the route topology.</li>
 * </ul>
 * Everything happens in a temporary folder with all output discarded. A step that fails is
 * skipped: a smaller archive is still an archive. Prints one line per step to standard error,
 * which the launcher keeps in {@code target/lab-archive-<group>.log}.
 */
public final class StartupTraining {

    private StartupTraining() {
    }

    /** @param args {@code tools} or {@code world} */
    public static void main(String[] args) throws IOException {
        if (args.length != 1 || !List.of("tools", "world").contains(args[0])) {
            System.err.println("usage: StartupTraining tools|world");
            System.exit(2);
        }
        MailStreams.nameTheProvider();
        Path work = Files.createTempDirectory("lab-training-");
        try {
            run(args[0].equals("tools") ? tools(work) : world(work));
        } finally {
            delete(work);
        }
        System.exit(0); // the archive is written as the JVM exits
    }

    private static List<List<String>> tools(Path work) throws IOException {
        String pki = work.resolve("pki").toString();
        String rsa = pki + "/trainer@lab.example";
        String ec = pki + "/ec-trainer@lab.example";
        Path message = Files.writeString(work.resolve("note.eml"), """
                From: Trainer <trainer@lab.example>\r
                To: Trainer <trainer@lab.example>\r
                Subject: training\r
                Date: Mon, 2 Mar 2026 09:00:00 +0000\r
                Message-ID: <training@lab.example>\r
                MIME-Version: 1.0\r
                Content-Type: text/plain; charset=UTF-8\r
                \r
                A short note, so that the start-up archive holds what the S/MIME commands load.\r
                """, StandardCharsets.US_ASCII);
        String note = message.toString();
        String out = work.toString();
        List<List<String>> commands = List.of(
                List.of("--version"), List.of("--help"), List.of("run", "--help"), List.of("smime", "--help"),
                List.of("validate"),
                List.of("pki", "issue", "trainer@lab.example", "--dir", pki, "--name", "Trainer"),
                List.of("pki", "issue", "ec-trainer@lab.example", "--dir", pki, "--key", "ec-p256"),
                List.of("smime", "encrypt", note, "-o", out + "/encrypted.eml", "--to", rsa + ".cert.pem", "--to", ec + ".cert.pem"),
                List.of("smime", "decrypt", out + "/encrypted.eml", "-o", out + "/decrypted.eml", "--key", rsa + ".key.pem",
                        "--cert", rsa + ".cert.pem"),
                List.of("smime", "decrypt", out + "/encrypted.eml", "-o", out + "/decrypted-ec.eml", "--key", ec + ".p12"),
                List.of("smime", "sign", note, "-o", out + "/signed.eml", "--key", rsa + ".p12"),
                List.of("smime", "verify", out + "/signed.eml", "--ca", pki + "/ca.pem", "--crl", pki + "/ca.crl.pem"),
                List.of("pki", "revoke", "ec-trainer@lab.example", "--dir", pki),
                List.of("bench", "--help"));
        return commands;
    }

    private static List<List<String>> world(Path work) {
        String out = work.toString();
        return List.of(List.of("--version"), List.of("run", "--help"), List.of("serve", "--help"), List.of("routes"),
                List.of("run", "bank-statement", "--quiet", "--out", out + "/bank-statement"),
                List.of("run", "clinic", "--quiet", "--out", out + "/clinic"));
    }

    private static void run(List<List<String>> commands) {
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        for (List<String> command : commands) {
            long start = System.nanoTime();
            int code;
            try {
                CommandLine line = Lab.commandLineFor(command.toArray(String[]::new));
                line.setOut(nowhere);
                line.setErr(nowhere);
                code = line.execute(command.toArray(String[]::new));
            } catch (RuntimeException | LinkageError e) {
                code = -1;
            }
            System.err.printf("training: lab %s -> exit %d, %d ms%n", String.join(" ", command), code,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
