package org.envelopelab.smime;

import java.io.IOException;
import java.io.InputStream;

/**
 * How big the codec's stream buffers are: 64 KB for large or unknown input, and no bigger than
 * the input when it says how much it holds (a byte array, a file). A 1KB message decrypted with
 * seven 64 KB buffers allocated (and zeroed) 700 KB per message.
 */
final class StreamBuffers {

    static final int LARGEST = 64 * 1024;
    private static final int SMALLEST = 4 * 1024;

    private StreamBuffers() {
    }

    static int sizeFor(InputStream in) {
        int available;
        try {
            available = in.available();
        } catch (IOException e) {
            return LARGEST;
        }
        if (available <= 0) {
            return LARGEST;
        }
        return Math.max(SMALLEST, Math.min(LARGEST, available + 64));
    }
}
