package org.envelopelab.smime;

import java.io.IOException;
import java.io.InputStream;

/**
 * Decrypted content held back until the whole ciphertext has checked out: on the first read it
 * decrypts everything into a {@link PlaintextSpool} and runs the mode's check (GCM's tag, CBC's
 * padding); only then does reading return plaintext. A reader that writes as it reads (to standard
 * output, say) so never shows part of a message that then turns out to be broken.
 */
abstract class HeldPlaintext extends InputStream {

    private PlaintextSpool spool;
    private InputStream released;

    /** Decrypts all the content into the spool and checks it; throws when the check fails. */
    protected abstract void decryptAndCheck(PlaintextSpool spool) throws IOException;

    @Override
    public int read() throws IOException {
        return released().read();
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        return released().read(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
        if (spool != null) {
            spool.close();
        }
    }

    private InputStream released() throws IOException {
        if (released == null) {
            spool = new PlaintextSpool();
            boolean checked = false;
            try {
                decryptAndCheck(spool);
                released = spool.read();
                checked = true;
            } finally {
                if (!checked) {
                    spool.close();
                }
            }
        }
        return released;
    }
}
