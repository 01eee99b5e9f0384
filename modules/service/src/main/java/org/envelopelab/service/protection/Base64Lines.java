package org.envelopelab.service.protection;

import java.util.Base64;

/**
 * Base64 as MIME writes it (RFC 2045 section 6.8): lines of 76 characters separated by CRLF, the
 * last line shorter and without a line end. Encoded straight into the message being written, 128
 * lines at a time through the JDK's encoder (whose array form uses the CPU's vector instructions
 * where it can); its stream form writes every line separately.
 */
final class Base64Lines {

    private static final int LINE_BYTES = 57;
    private static final int LINE_CHARACTERS = 76;
    private static final int BLOCK_LINES = 128;
    private static final int BLOCK_BYTES = LINE_BYTES * BLOCK_LINES;
    private static final Base64.Encoder ENCODER = Base64.getMimeEncoder(LINE_CHARACTERS, new byte[] {'\r', '\n'});

    private Base64Lines() {
    }

    /** How many characters {@code bytes} bytes take, line ends included. */
    static int length(int bytes) {
        long characters = (bytes + 2L) / 3 * 4;
        long lines = (characters + LINE_CHARACTERS - 1) / LINE_CHARACTERS;
        return Math.toIntExact(characters + Math.max(0, lines - 1) * 2);
    }

    /** Encodes {@code bytes} into {@code out} at {@code at}; returns where the encoding ends. */
    static int encode(byte[] bytes, byte[] out, int at) {
        byte[] block = new byte[Math.min(BLOCK_BYTES, bytes.length)];
        byte[] encoded = new byte[length(block.length)];
        for (int from = 0; from < bytes.length; from += BLOCK_BYTES) {
            int count = Math.min(BLOCK_BYTES, bytes.length - from);
            if (count != block.length) {
                block = new byte[count];
            }
            System.arraycopy(bytes, from, block, 0, count);
            int written = ENCODER.encode(block, encoded);
            if (from > 0) {
                out[at++] = '\r';
                out[at++] = '\n';
            }
            System.arraycopy(encoded, 0, out, at, written);
            at += written;
        }
        return at;
    }
}
