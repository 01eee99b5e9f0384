package org.envelopelab.smime;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds decrypted content until its authentication tag has been checked: in memory up to 16 MiB,
 * beyond that in a temporary file, encrypted with AES-CTR under a key that exists only in this
 * object. A large message then needs little heap, and what reaches the disk is unreadable once
 * the spool is gone, even if the process dies before it deletes the file.
 *
 * <p>Memory is a list of chunks, so growing never copies what is already held. The bound is a
 * trade: below it a message never touches the disk (writing, encrypting, reading back and
 * deleting a 10MB temporary file was a third of the time of a 10MB decryption, and its most
 * variable part); above it, heap stays flat however large the message (a 50MB message decrypts in
 * a 128MB heap, see StreamingTest).
 */
final class PlaintextSpool implements Closeable {

    static final int IN_MEMORY = 16 * 1024 * 1024;
    private static final int FILE_CHUNK = 64 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private List<byte[]> chunks = new ArrayList<>();
    private int held;
    private Path file;
    private OutputStream fileWriter;
    private Cipher fileCipher;
    private byte[] fileBuffer;
    private SecretKeySpec key;
    private byte[] counter;

    void write(byte[] bytes, int offset, int length) throws IOException {
        if (file == null && held + (long) length <= IN_MEMORY) {
            chunks.add(java.util.Arrays.copyOfRange(bytes, offset, offset + length));
            held += length;
            return;
        }
        if (file == null) {
            spill();
        }
        encryptToFile(bytes, offset, length);
    }

    /** Everything written so far, from the start; may be called more than once. */
    InputStream read() throws IOException {
        if (file == null) {
            return new ChunksInput(chunks);
        }
        fileWriter.close();
        return new DecryptingInput(Files.newInputStream(file), cipher(Cipher.DECRYPT_MODE));
    }

    @Override
    public void close() throws IOException {
        chunks = null;
        if (file != null) {
            try {
                fileWriter.close();
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    private void spill() throws IOException {
        byte[] keyBytes = new byte[16];
        counter = new byte[16];
        RANDOM.nextBytes(keyBytes);
        RANDOM.nextBytes(counter);
        key = new SecretKeySpec(keyBytes, "AES");
        file = Files.createTempFile("envelope-lab-", ".spool");
        fileWriter = Files.newOutputStream(file);
        fileCipher = cipher(Cipher.ENCRYPT_MODE);
        fileBuffer = new byte[FILE_CHUNK];
        for (byte[] chunk : chunks) {
            encryptToFile(chunk, 0, chunk.length);
        }
        chunks = List.of();
    }

    private void encryptToFile(byte[] bytes, int offset, int length) throws IOException {
        try {
            for (int done = 0; done < length; ) {
                int step = Math.min(FILE_CHUNK, length - done);
                int encrypted = fileCipher.update(bytes, offset + done, step, fileBuffer, 0);
                fileWriter.write(fileBuffer, 0, encrypted);
                done += step;
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot encrypt the spool: " + e.getMessage(), e);
        }
    }

    private Cipher cipher(int mode) throws IOException {
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding", CryptoProviders.JDK_CIPHERS);
            cipher.init(mode, key, new IvParameterSpec(counter));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up the spool cipher: " + e.getMessage(), e);
        }
    }

    /** The chunks held in memory, read in order. */
    private static final class ChunksInput extends InputStream {
        private final List<byte[]> chunks;
        private int index;
        private int position;

        ChunksInput(List<byte[]> chunks) {
            this.chunks = chunks;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) {
            while (index < chunks.size() && position == chunks.get(index).length) {
                index++;
                position = 0;
            }
            if (index == chunks.size()) {
                return length == 0 ? 0 : -1;
            }
            byte[] chunk = chunks.get(index);
            int count = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, bytes, offset, count);
            position += count;
            return count;
        }
    }

    /**
     * The spool file decrypted in 64 KB steps ({@code CipherInputStream} works in 512-byte steps,
     * which made reading a large spool back slower than writing it).
     */
    private static final class DecryptingInput extends ChunkedInput {
        private final Cipher cipher;
        private final byte[] encrypted = new byte[FILE_CHUNK];

        DecryptingInput(InputStream file, Cipher cipher) {
            super(file, new byte[FILE_CHUNK]);
            this.cipher = cipher;
        }

        @Override
        protected int fill(InputStream file, byte[] decrypted) throws IOException {
            int read = file.read(encrypted);
            if (read < 0) {
                return -1;
            }
            try {
                return cipher.update(encrypted, 0, read, decrypted, 0);
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot decrypt the spool: " + e.getMessage(), e);
            }
        }
    }
}
