package org.envelopelab.smime;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A view of a stream that its user may close without closing the stream beneath. The base64
 * encoder and Bouncy Castle's CMS generators close what they write to when they finish, but the
 * message goes on after them (a line end, the next MIME part).
 */
final class NonClosingOutputStream extends FilterOutputStream {

    NonClosingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
