package org.envelopelab.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code OpenSslSideBySide} measured: the lab and {@code openssl cms} on the same files,
 * as {@code openssl.json}. Times are medians in milliseconds; throughput is the message size over
 * that time; {@code ratio} is lab throughput over OpenSSL's for the whole {@code openssl} process
 * (what a user waits for), {@code ratioWithoutStart} the same with OpenSSL's process start taken off.
 *
 * @param opensslVersion  what {@code openssl version} printed
 * @param processStartMillis the median time of {@code openssl version}: starting the process and nothing else
 * @param rows            one per size and operation
 */
public record OpenSslComparison(String opensslVersion, String jvm, double processStartMillis, List<Row> rows) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param operation  "encrypt" or "decrypt"
     * @param sameOutput whether the lab and OpenSSL decrypted the same entity, byte for byte (the lab also writes the
     *                   outer header section in front of it, as a mail client shows a message); true for encrypt
     */
    public record Row(String size, long bytes, String operation, double labMillis, double opensslMillis,
                      double labMegabytesPerSecond, double opensslMegabytesPerSecond, double ratio, double ratioWithoutStart,
                      boolean sameOutput) {
    }

    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    public static OpenSslComparison read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), OpenSslComparison.class);
    }

    /** The row for a size and operation, if it was measured. */
    public java.util.Optional<Row> row(String size, String operation) {
        return rows.stream().filter(row -> row.size().equalsIgnoreCase(size) && row.operation().equals(operation)).findFirst();
    }
}
