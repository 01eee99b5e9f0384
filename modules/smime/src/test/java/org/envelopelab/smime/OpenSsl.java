package org.envelopelab.smime;

import org.envelopelab.pki.Credential;
import org.envelopelab.pki.Pem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The {@code openssl} command in a working directory, each run bounded by a timeout. */
final class OpenSsl {

    private static final long TIMEOUT_SECONDS = 60;

    /** What a run printed (stdout and stderr together) and how it ended. */
    record Run(int exitCode, String output) {
    }

    private final Path directory;

    OpenSsl(Path directory) {
        this.directory = directory;
    }

    Run run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile(directory, "openssl-", ".log");
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("openssl did not finish in " + TIMEOUT_SECONDS + " s: " + command);
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.ISO_8859_1));
    }

    /** Writes a person's certificate and unencrypted private key as name.pem and name.key. */
    void writeCredential(String name, Credential credential) throws IOException {
        write(name + ".pem", Pem.write(credential.certificate()).getBytes(StandardCharsets.US_ASCII));
        write(name + ".key", Pem.privateKey(credential.privateKey(), null).getBytes(StandardCharsets.US_ASCII));
    }

    Path write(String name, byte[] content) throws IOException {
        return Files.write(directory.resolve(name), content);
    }

    byte[] read(String name) throws IOException {
        return Files.readAllBytes(directory.resolve(name));
    }
}
