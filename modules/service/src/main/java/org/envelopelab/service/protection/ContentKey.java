package org.envelopelab.service.protection;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * The fresh AES-256 key that encrypts one message with GCM. It never leaves the service except
 * inside a use license, and travels in the message only wrapped by the tenant's root key.
 */
final class ContentKey {

    static final int NONCE_LENGTH = 12;
    static final int TAG_LENGTH = 16;
    private static final int KEY_LENGTH = 32;

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
     * {@code plaintext.length + TAG_LENGTH} bytes in all, written where they go.
     */
    void encrypt(byte[] nonce, byte[] additionalData, byte[] plaintext, byte[] out, int offset) {
        try {
            Cipher gcm = JdkCiphers.cipher("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
            gcm.updateAAD(additionalData);
            gcm.doFinal(plaintext, 0, plaintext.length, out, offset);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed: " + e.getMessage(), e);
        }
    }

    /**
     * The plaintext of {@code sealed} from {@code offset}: {@code length} bytes of ciphertext followed by the tag, in
     * one piece as the JDK's GCM wants it (given in parts, it would copy them together first).
     * Released only when the tag matches the ciphertext and the additional data.
     */
    byte[] decrypt(byte[] nonce, byte[] additionalData, byte[] sealed, int offset, int length) {
        try {
            Cipher gcm = JdkCiphers.cipher("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
            gcm.updateAAD(additionalData);
            byte[] plaintext = new byte[length];
            int written = gcm.doFinal(sealed, offset, length + TAG_LENGTH, plaintext, 0);
            return written == length ? plaintext : Arrays.copyOf(plaintext, written);
        } catch (AEADBadTagException e) {
            throw new ProtectionException("the authentication tag does not match: the protected content or its"
                    + " authenticated attributes were changed, or the key is not this message's");
        } catch (GeneralSecurityException e) {
            throw new ProtectionException("AES-GCM decryption failed: " + e.getMessage(), e);
        }
    }
}
