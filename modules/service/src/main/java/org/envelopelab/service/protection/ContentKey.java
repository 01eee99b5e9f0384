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

    /** AES-256-GCM with a 12-byte nonce and a 16-byte tag: the ciphertext followed by the tag. */
    byte[] encrypt(byte[] nonce, byte[] additionalData, byte[] plaintext) {
        try {
            Cipher gcm = JdkCiphers.cipher("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
            gcm.updateAAD(additionalData);
            return gcm.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed: " + e.getMessage(), e);
        }
    }

    /** The plaintext, released only when the tag matches the ciphertext and the additional data. */
    byte[] decrypt(byte[] nonce, byte[] additionalData, byte[] ciphertext, byte[] tag) {
        try {
            Cipher gcm = JdkCiphers.cipher("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(tag.length * 8, nonce));
            gcm.updateAAD(additionalData);
            gcm.update(ciphertext);
            return gcm.doFinal(tag);
        } catch (AEADBadTagException e) {
            throw new ProtectionException("the authentication tag does not match: the protected content or its"
                    + " authenticated attributes were changed, or the key is not this message's");
        } catch (GeneralSecurityException e) {
            throw new ProtectionException("AES-GCM decryption failed: " + e.getMessage(), e);
        }
    }
}
