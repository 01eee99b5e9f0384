package org.envelopelab.bench;

import java.util.Locale;

/**
 * Message sizes as the benchmarks' parameters spell them ({@code 1KB}, {@code 64KB}, {@code 1MB},
 * {@code 10MB}), in binary units: 1KB is 1,024 bytes, 1MB is 1,048,576.
 */
public final class MessageSize {

    private MessageSize() {
    }

    public static int bytes(String label) {
        String text = label.trim().toUpperCase(Locale.ROOT);
        if (text.endsWith("MB")) {
            return Integer.parseInt(text.substring(0, text.length() - 2).trim()) * 1024 * 1024;
        }
        if (text.endsWith("KB")) {
            return Integer.parseInt(text.substring(0, text.length() - 2).trim()) * 1024;
        }
        if (text.endsWith("B")) {
            return Integer.parseInt(text.substring(0, text.length() - 1).trim());
        }
        return Integer.parseInt(text);
    }
}
