package org.envelopelab.smime;

import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.CipherOutputStream;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * Holds decrypted content until its authentication tag has been checked: in memory up to 1 MiB,
 * beyond that in a temporary file, encrypted with AES-CTR under a key that exists only in this
 * object. A large message then needs little heap, and what reaches the disk is unreadable once
 * the spool is gone, even if the process dies before it deletes the file.
 */
final class PlaintextSpool implements Closeable {

    private static final int IN_MEMORY = 1024 * 1024;
    private static final int FILE_BUFFER = 64 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private Path file;
    private OutputStream fileWriter;
    private SecretKeySpec key;
    private byte[] counter;

    void write(byte[] bytes, int offset, int length) throws IOException {
        if (file == null && memory.size() + length <= IN_MEMORY) {
            memory.write(bytes, offset, length);
            return;
        }
        if (file == null) {
            spill();
        }
        fileWriter.write(bytes, offset, length);
    }

    /** Everything written so far, from the start; may be called more than once. */
    InputStream read() throws IOException {
        if (file == null) {
            return new ByteArrayInputStream(memory.toByteArray());
        }
        fileWriter.close();
        return new CipherInputStream(new BufferedInputStream(Files.newInputStream(file), FILE_BUFFER), cipher(Cipher.DECRYPT_MODE));
    }

    @Override
    public void close() throws IOException {
        memory = null;
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
        fileWriter = new CipherOutputStream(new BufferedOutputStream(Files.newOutputStream(file), FILE_BUFFER), cipher(Cipher.ENCRYPT_MODE));
        memory.writeTo(fileWriter);
        memory = null;
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
}
