package org.envelopelab.bench.report;

import org.envelopelab.bench.MessageSize;

import java.util.Optional;

/** Operations per second turned into MB/s, for benchmarks with a message-size parameter. */
final class Throughput {

    private Throughput() {
    }

    static Optional<Double> megabytesPerSecond(JmhResult result) {
        String size = result.param("size");
        if (size == null) {
            return Optional.empty();
        }
        return Optional.of(result.opsPerSecond() * MessageSize.bytes(size) / (1024.0 * 1024.0));
    }
}
