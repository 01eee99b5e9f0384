package org.envelopelab.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The {@code openssl} command, run in a working folder as a person at a terminal runs it, each run
 * bounded by a timeout. The tests that use it need OpenSSL ({@code .ci/run} installs it): when
 * {@code openssl} is missing the run throws, and when it does not finish in time it is killed and
 * the run throws, so the test fails rather than being skipped.
 */
public final class OpenSsl {

    /** How long one run may take unless a test says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** How a run ended and what it printed, each stream decoded as UTF-8. */
    public record Run(int exitCode, String stdout, String stderr) {

        /** Standard output, then standard error: everything the terminal showed, verdicts included ("Verification successful"). */
        public String output() {
            return stdout + stderr;
        }
    }

    private final Path directory;
    private final Duration timeout;

    /** openssl in this folder, each run bounded by {@link #DEFAULT_TIMEOUT}. */
    public OpenSsl(Path directory) {
        this(directory, DEFAULT_TIMEOUT);
    }

    public OpenSsl(Path directory, Duration timeout) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Runs {@code openssl arguments...} with nothing on standard input. */
    public Run run(String... arguments) throws IOException, InterruptedException {
        return runWithInput(null, arguments);
    }

    /** Runs {@code openssl arguments...} with these bytes on standard input ({@code null}: none). */
    public Run runWithInput(byte[] stdin, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        // Files, not pipes, so a chatty openssl never blocks on a full pipe while the test waits.
        Path in = Files.createTempFile("openssl-", ".in");
        Path out = Files.createTempFile("openssl-", ".out");
        Path err = Files.createTempFile("openssl-", ".err");
        try {
            Files.write(in, stdin == null ? new byte[0] : stdin);
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("openssl did not finish in " + timeout.toMillis() + " ms: " + command);
            }
            return new Run(process.exitValue(), text(out), text(err));
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Leniently: a byte that is not UTF-8 becomes U+FFFD rather than an error. */
    private static String text(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    /** Writes a file in the working folder, for openssl to read. */
    public Path write(String name, byte[] content) throws IOException {
        return Files.write(directory.resolve(name), content);
    }

    /** Reads a file openssl wrote in the working folder. */
    public byte[] read(String name) throws IOException {
        return Files.readAllBytes(directory.resolve(name));
    }

    public Path directory() {
        return directory;
    }
}
