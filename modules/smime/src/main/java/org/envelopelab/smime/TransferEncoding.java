package org.envelopelab.smime;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;

import java.io.FilterOutputStream;
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
                return new Base64Input(body);
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

    /** Base64 in CRLF-terminated lines of 76 characters, ending with a line end of its own. */
    private static final class Base64Lines extends FilterOutputStream {

        private final OutputStream wire;

        Base64Lines(OutputStream wire) {
            super(Base64.getMimeEncoder(76, CRLF).wrap(new NonClosingOutputStream(wire)));
            this.wire = wire;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            out.close();
            wire.write(CRLF);
        }
    }

    /**
     * Base64 decoding as it streams, in chunks (the JDK's MIME decoder stream reads its input one
     * byte at a time, which made it the slowest step of decryption). Characters outside the
     * alphabet, such as line ends, are skipped (RFC 2045 section 6.8); '=' ends the data.
     */
    private static final class Base64Input extends InputStream {

        private static final int CHUNK = 64 * 1024;
        private static final int[] VALUES = new int[256];

        static {
            Arrays.fill(VALUES, -1);
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            for (int i = 0; i < alphabet.length(); i++) {
                VALUES[alphabet.charAt(i)] = i;
            }
        }

        private final InputStream in;
        private final byte[] encoded = new byte[CHUNK];
        private final byte[] decoded = new byte[CHUNK / 4 * 3 + 3];
        private int position;
        private int limit;
        private int quantum;
        private int quantumLength;
        private boolean finished;

        Base64Input(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (position == limit) {
                if (finished) {
                    return -1;
                }
                decodeChunk();
            }
            int count = Math.min(length, limit - position);
            System.arraycopy(decoded, position, bytes, offset, count);
            position += count;
            return count;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        private void decodeChunk() throws IOException {
            position = 0;
            limit = 0;
            int read = in.read(encoded);
            if (read < 0) {
                finish();
                return;
            }
            for (int i = 0; i < read; i++) {
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
