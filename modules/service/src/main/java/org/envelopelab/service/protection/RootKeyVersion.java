package org.envelopelab.service.protection;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;

/**
 * One version of a tenant's root key: an AES-256 key-encryption key that wraps content keys (AES
 * key wrap, RFC 3394), and an HMAC-SHA256 key that seals policies. The two are separate keys, so
 * neither use can be turned against the other.
 */
final class RootKeyVersion {

    private static final int KEY_LENGTH = 32;

    private final KeyId id;
    private final Instant created;
    private final SecretKey keyEncryptionKey;
    private final SecretKey policyKey;

    private RootKeyVersion(KeyId id, Instant created, SecretKey keyEncryptionKey, SecretKey policyKey) {
        this.id = id;
        this.created = created;
        this.keyEncryptionKey = keyEncryptionKey;
        this.policyKey = policyKey;
    }

    static RootKeyVersion generate(KeyId id, Instant created, Randomness randomness) {
        byte[] kek = randomness.bytes(KEY_LENGTH);
        byte[] mac = randomness.bytes(KEY_LENGTH);
        try {
            return new RootKeyVersion(id, created, new SecretKeySpec(kek, "AES"), new SecretKeySpec(mac, "HmacSHA256"));
        } finally {
            Arrays.fill(kek, (byte) 0);
            Arrays.fill(mac, (byte) 0);
        }
    }

    KeyId id() {
        return id;
    }

    Instant created() {
        return created;
    }

    /** For the format test, which hands the key-encryption key to Bouncy Castle's own CMS parser. */
    SecretKey keyEncryptionKey() {
        return keyEncryptionKey;
    }

    /** The content key wrapped with AES key wrap: 40 bytes for a 32-byte key. */
    byte[] wrap(ContentKey contentKey) {
        try {
            Cipher wrap = JdkCiphers.cipher("AESWrap");
            wrap.init(Cipher.WRAP_MODE, keyEncryptionKey);
            return wrap.wrap(contentKey.secretKey());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES key wrap failed: " + e.getMessage(), e);
        }
    }

    /** Unwraps a content key; key wrap's integrity check fails if the bytes were changed or wrapped by another key. */
    ContentKey unwrap(byte[] wrapped) {
        try {
            Cipher unwrap = JdkCiphers.cipher("AESWrap");
            unwrap.init(Cipher.UNWRAP_MODE, keyEncryptionKey);
            Key key = unwrap.unwrap(wrapped, "AES", Cipher.SECRET_KEY);
            return new ContentKey((SecretKey) key);
        } catch (GeneralSecurityException e) {
            throw new ProtectionException("the content key cannot be unwrapped with " + id + ": " + e.getMessage(), e);
        }
    }

    byte[] mac(byte[] data) {
        try {
            Mac mac = JdkCiphers.hmacSha256();
            mac.init(policyKey);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 failed: " + e.getMessage(), e);
        }
    }

    /** Compares in constant time, so the time a check takes says nothing about how much of a forged MAC was right. */
    boolean macMatches(byte[] data, byte[] mac) {
        return MessageDigest.isEqual(mac(data), mac);
    }

    @Override
    public String toString() {
        return "RootKeyVersion[" + id + ", created " + created + "]";
    }
}
