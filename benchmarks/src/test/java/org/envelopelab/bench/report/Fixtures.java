package org.envelopelab.bench.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A small run to report on: PrivateKey, Transport, ServiceVersusSmime and SmimeContent results in
 * JMH's JSON, with round scores chosen so that some targets pass and some fail, and an OpenSSL
 * side-by-side that has 1KB and 10MB rows.
 */
final class Fixtures {

    private Fixtures() {
    }

    /** Copies the fixture files into a directory as jmh.json and openssl.json, the names a run uses. */
    static Path runIn(Path directory) {
        copy("fixture-jmh.json", directory.resolve("jmh.json"));
        copy("fixture-openssl.json", directory.resolve("openssl.json"));
        return directory;
    }

    static JmhResults jmh(Path directory) throws IOException {
        return JmhResults.read(runIn(directory).resolve("jmh.json"));
    }

    static Optional<OpenSslComparison> openssl(Path directory) throws IOException {
        return Optional.of(OpenSslComparison.read(runIn(directory).resolve("openssl.json")));
    }

    private static void copy(String resource, Path target) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + resource)) {
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
