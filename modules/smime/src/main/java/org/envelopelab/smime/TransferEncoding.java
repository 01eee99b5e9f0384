package org.envelopelab.smime;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Base64;

/**
 * The Content-Transfer-Encoding of S/MIME bodies: CMS is binary, so it travels as base64 in lines
 * of 76 characters (RFC 2045 section 6.8). Both directions stream.
 */
final class TransferEncoding {

    private static final byte[] CRLF = {'\r', '\n'};

    private TransferEncoding() {
    }

    /**
     * A stream that base64-encodes into {@code out}. Closing it writes the last line (with its line
     * end) but leaves {@code out} open for what follows.
     */
    static OutputStream base64(OutputStream wire) {
        return new Base64Lines(wire);
    }

    /** The body decoded according to the entity's Content-Transfer-Encoding. */
    static InputStream decode(MessageHead head, InputStream body) throws IOException {
        String encoding = head.transferEncoding();
        switch (encoding) {
            case "7bit", "8bit", "binary" -> {
                return body;
            }
            case "base64" -> {
                return new Base64Input(body, StreamBuffers.sizeFor(body));
            }
            default -> {
                try {
                    return MimeUtility.decode(body, encoding);
                } catch (MessagingException e) {
                    throw new IOException("unknown Content-Transfer-Encoding '" + encoding + "'", e);
                }
            }
        }
    }

    /**
     * Base64 in CRLF-terminated lines of 76 characters, ending with a line end of its own. It
     * encodes 128 lines at a time with the JDK's array encoder and writes each block at once: the
     * JDK's encoding stream writes every 76-character line and every line end separately, which
     * made base64 three quarters of the time of encrypting a 10MB message.
     */
    private static final class Base64Lines extends OutputStream {

        private static final int LINE_BYTES = 57;
        private static final int LINES = 128;
        private static final Base64.Encoder ENCODER = Base64.getMimeEncoder(76, CRLF);

        private final OutputStream wire;
        private final byte[] pending = new byte[LINE_BYTES * LINES];
        private final byte[] encoded = new byte[LINE_BYTES * LINES / 3 * 4 + LINES * 2];
        private int held;
        private boolean written;

        Base64Lines(OutputStream wire) {
            this.wire = wire;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                int count = Math.min(length, pending.length - held);
                System.arraycopy(bytes, offset, pending, held, count);
                held += count;
                offset += count;
                length -= count;
                if (held == pending.length) {
                    written = true;
                    wire.write(encoded, 0, ENCODER.encode(pending, encoded));
                    wire.write(CRLF);
                    held = 0;
                }
            }
        }

        @Override
        public void close() throws IOException {
            if (held > 0 || !written) {
                wire.write(ENCODER.encode(Arrays.copyOf(pending, held)));
                wire.write(CRLF);
                held = 0;
                written = true;
            }
        }
    }

    /**
     * Base64 decoding as it streams, in chunks (the JDK's MIME decoder stream reads its input one
     * byte at a time, which made it the slowest step of decryption). Characters outside the
     * alphabet, such as line ends, are skipped (RFC 2045 section 6.8); '=' ends the data.
     */
    private static final class Base64Input extends ChunkedInput {

        private static final int[] VALUES = new int[256];

        static {
            Arrays.fill(VALUES, -1);
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            for (int i = 0; i < alphabet.length(); i++) {
                VALUES[alphabet.charAt(i)] = i;
            }
        }

        private final byte[] encoded;
        private byte[] decoded;
        private int limit;
        private int quantum;
        private int quantumLength;
        private boolean finished;

        Base64Input(InputStream in, int bufferSize) {
            super(in, new byte[bufferSize / 4 * 3 + 3]);
            this.encoded = new byte[bufferSize];
        }

        @Override
        protected int fill(InputStream in, byte[] chunk) throws IOException {
            if (finished) {
                return -1;
            }
            decoded = chunk;
            limit = 0;
            decodeChunk(in);
            return limit;
        }

        private void decodeChunk(InputStream in) throws IOException {
            int read = in.read(encoded);
            if (read < 0) {
                finish();
                return;
            }
            for (int i = 0; i < read; i++) {
                // The common case, four characters of the alphabet in a row: one group, no state.
                if (quantumLength == 0 && i + 3 < read) {
                    int a = VALUES[encoded[i] & 0xff];
                    int b = VALUES[encoded[i + 1] & 0xff];
                    int c = VALUES[encoded[i + 2] & 0xff];
                    int d = VALUES[encoded[i + 3] & 0xff];
                    if ((a | b | c | d) >= 0) {
                        int group = a << 18 | b << 12 | c << 6 | d;
                        decoded[limit++] = (byte) (group >> 16);
                        decoded[limit++] = (byte) (group >> 8);
                        decoded[limit++] = (byte) group;
                        i += 3;
                        continue;
                    }
                }
                int value = VALUES[encoded[i] & 0xff];
                if (value >= 0) {
                    quantum = quantum << 6 | value;
                    if (++quantumLength == 4) {
                        decoded[limit++] = (byte) (quantum >> 16);
                        decoded[limit++] = (byte) (quantum >> 8);
                        decoded[limit++] = (byte) quantum;
                        quantum = 0;
                        quantumLength = 0;
                    }
                } else if (encoded[i] == '=') {
                    finish();
                    return;
                }
            }
        }

        /** The last, padded quantum: two characters carry one byte, three carry two. */
        private void finish() throws IOException {
            finished = true;
            switch (quantumLength) {
                case 0 -> {
                }
                case 2 -> decoded[limit++] = (byte) (quantum >> 4);
                case 3 -> {
                    decoded[limit++] = (byte) (quantum >> 10);
                    decoded[limit++] = (byte) (quantum >> 2);
                }
                default -> throw new IOException("the base64 body ends in the middle of a character group");
            }
        }
    }
}
