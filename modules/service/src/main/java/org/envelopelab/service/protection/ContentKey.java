package org.envelopelab.service.protection;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The fresh AES-256 key that encrypts one message with GCM. It never leaves the service except
 * inside a use license, and travels in the message only wrapped by the tenant's root key.
 */
final class ContentKey {

    static final int NONCE_LENGTH = 12;
    static final int TAG_LENGTH = 16;
    private static final int KEY_LENGTH = 32;
    /**
     * The piece of content the ciphers are given at a time. Not for memory: the JDK (17) reaches
     * its AES-NI and carry-less-multiply code for GCM only from compiled callers, and a caller that
     * is given a whole 10MB message at once is called too rarely to be compiled: GCM then ran at
     * 70 MB/s, against 3 GB/s in 16KB pieces (a plain loop over the JDK's Cipher, 40 messages).
     */
    static final int CHUNK = 16 * 1024;

    private final SecretKey key;

    ContentKey(SecretKey key) {
        if (!"AES".equalsIgnoreCase(key.getAlgorithm()) || key.getEncoded() == null || key.getEncoded().length != KEY_LENGTH) {
            throw new ProtectionException("a content key is a 256-bit AES key");
        }
        this.key = key;
    }

    static ContentKey generate(Randomness randomness) {
        byte[] bytes = randomness.bytes(KEY_LENGTH);
        try {
            return new ContentKey(new SecretKeySpec(bytes, "AES"));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    SecretKey secretKey() {
        return key;
    }

    /**
     * Encrypts {@code plaintext} into {@code out} at {@code offset}: the ciphertext, then the tag,
     * {@code plaintext.length + TAG_LENGTH} bytes in all, written where they go; each piece of
     * ciphertext is also handed to {@code ciphertextDigest} while it is still in the CPU's cache.
     * In pieces of {@link #CHUNK}: see there why.
     */
    void encrypt(byte[] nonce, byte[] additionalData, byte[] plaintext, byte[] out, int offset, MessageDigest ciphertextDigest) {
        try {
            Cipher gcm = JdkCiphers.cipher("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
            gcm.updateAAD(additionalData);
            int at = offset;
            for (int from = 0; from < plaintext.length; from += CHUNK) {
                int written = gcm.update(plaintext, from, Math.min(CHUNK, plaintext.length - from), out, at);
                ciphertextDigest.update(out, at, written);
                at += written;
            }
            int last = gcm.doFinal(out, at) - TAG_LENGTH;
            ciphertextDigest.update(out, at, last);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed: " + e.getMessage(), e);
        }
    }

    /** A decryption fed the ciphertext piece by piece ({@link Opening#update}), released by {@link Opening#finish}. */
    Opening opening(byte[] nonce, byte[] additionalData, int length) {
        return new Opening(nonce, additionalData, length);
    }

    /**
     * GCM decryption in pieces, as the S/MIME codec does it: each piece is decrypted with AES-CTR
     * (counter mode is what GCM encrypts with, counting from nonce || 2) and the plaintext fed to a
     * GCM <em>encryption</em> under the same key and nonce, which makes the received ciphertext
     * again and so the tag it must carry. The plaintext is released only when the tags are equal.
     * (The JDK's GCM decryption holds all the ciphertext until the end and then works through it in
     * one call: see {@link #CHUNK}.)
     */
    final class Opening {
        private final Cipher counterMode;
        private final Cipher reEncryption;
        private final byte[] plaintext;
        private final byte[] discarded = new byte[CHUNK + 2 * TAG_LENGTH];
        private int position;

        private Opening(byte[] nonce, byte[] additionalData, int length) {
            try {
                byte[] counter = Arrays.copyOf(nonce, 16);
                counter[15] = 2;
                counterMode = JdkCiphers.cipher("AES/CTR/NoPadding");
                counterMode.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(counter));
                reEncryption = JdkCiphers.cipher("AES/GCM/NoPadding");
                reEncryption.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
                reEncryption.updateAAD(additionalData);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM decryption failed: " + e.getMessage(), e);
            }
            plaintext = new byte[length];
        }

        /** The next piece of ciphertext, at most {@link #CHUNK} bytes. */
        void update(byte[] ciphertext, int offset, int length) {
            if (length > plaintext.length - position) {
                throw new ProtectionException("malformed protected message: more ciphertext than its length says");
            }
            try {
                int decrypted = counterMode.update(ciphertext, offset, length, plaintext, position);
                reEncryption.update(plaintext, position, decrypted, discarded, 0);
                position += decrypted;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM decryption failed: " + e.getMessage(), e);
            }
        }

        /** The plaintext, when {@code tag} is the tag of all the ciphertext and the additional data. */
        byte[] finish(byte[] tag) {
            try {
                int last = reEncryption.doFinal(discarded, 0);
                byte[] expected = Arrays.copyOfRange(discarded, last - TAG_LENGTH, last);
                if (position != plaintext.length || !MessageDigest.isEqual(expected, tag)) {
                    throw new ProtectionException("the authentication tag does not match: the protected content or its"
                            + " authenticated attributes were changed, or the key is not this message's");
                }
                return plaintext;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM decryption failed: " + e.getMessage(), e);
            }
        }
    }
}
