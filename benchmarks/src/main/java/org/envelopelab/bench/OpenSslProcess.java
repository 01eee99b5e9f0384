package org.envelopelab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The {@code openssl} command run in a working directory, timed from start to exit, bounded by a timeout. */
final class OpenSslProcess {

    private static final long TIMEOUT_SECONDS = 120;

    private final Path directory;

    OpenSslProcess(Path directory) {
        this.directory = directory;
    }

    /** Runs openssl with the arguments; returns the wall-clock time in nanoseconds, or throws with its output. */
    long time(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        Path log = directory.resolve("openssl.log");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("openssl did not finish in " + TIMEOUT_SECONDS + " s: " + command);
        }
        long elapsed = System.nanoTime() - start;
        if (process.exitValue() != 0) {
            throw new IllegalStateException("openssl failed (" + process.exitValue() + "): " + String.join(" ", command) + "\n"
                    + Files.readString(log, StandardCharsets.ISO_8859_1));
        }
        return elapsed;
    }

    /** What a command printed, for {@code openssl version}. */
    String output(String... arguments) throws IOException, InterruptedException {
        time(arguments);
        return Files.readString(directory.resolve("openssl.log"), StandardCharsets.ISO_8859_1).trim();
    }
}
