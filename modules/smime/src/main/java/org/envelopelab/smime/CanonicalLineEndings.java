package org.envelopelab.smime;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes text in MIME canonical form: every line ends in CRLF (RFC 8551 section 3.1.1). A bare LF,
 * as files on Unix have, becomes CRLF; existing CRLFs pass unchanged. Signatures and encryption
 * cover the canonical bytes, so a receiver on any platform computes the same digest.
 */
final class CanonicalLineEndings extends FilterOutputStream {

    private boolean afterCarriageReturn;

    CanonicalLineEndings(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        if (b == '\n' && !afterCarriageReturn) {
            out.write('\r');
        }
        out.write(b);
        afterCarriageReturn = b == '\r';
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (bytes[i] == '\n' && !(i == offset ? afterCarriageReturn : bytes[i - 1] == '\r')) {
                out.write(bytes, start, i - start);
                out.write('\r');
                start = i;
            }
        }
        out.write(bytes, start, end - start);
        if (length > 0) {
            afterCarriageReturn = bytes[end - 1] == '\r';
        }
    }

    /** The bytes in canonical form. */
    static byte[] of(byte[] text) {
        ByteArrayOutputStream canonical = new ByteArrayOutputStream(text.length + text.length / 32);
        try (CanonicalLineEndings out = new CanonicalLineEndings(canonical)) {
            out.write(text);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return canonical.toByteArray();
    }
}
