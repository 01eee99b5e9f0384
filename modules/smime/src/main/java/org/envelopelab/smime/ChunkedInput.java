package org.envelopelab.smime;

import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream that hands out, a chunk at a time, what a subclass makes of the stream beneath
 * it (decoded base64, decrypted spool): reading in chunks rather than bytes is what keeps the
 * codec's streams fast.
 */
abstract class ChunkedInput extends InputStream {

    private final InputStream source;
    private final byte[] chunk;
    private int position;
    private int limit;

    ChunkedInput(InputStream source, byte[] chunk) {
        this.source = source;
        this.chunk = chunk;
    }

    /**
     * Fills {@code chunk} from its start with the next bytes made from {@code source}.
     *
     * @return how many bytes it now holds (0: none this time, ask again), or -1 at the end
     */
    protected abstract int fill(InputStream source, byte[] chunk) throws IOException;

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public final int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == limit) {
            int filled = fill(source, chunk);
            if (filled < 0) {
                return -1;
            }
            position = 0;
            limit = filled;
        }
        int count = Math.min(length, limit - position);
        System.arraycopy(chunk, position, bytes, offset, count);
        position += count;
        return count;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
