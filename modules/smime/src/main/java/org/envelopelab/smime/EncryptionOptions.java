package org.envelopelab.smime;

import java.util.Objects;

/**
 * The choices a sender makes when encrypting.
 *
 * @param cipher       the content cipher
 * @param keyTransport how the content key reaches recipients with RSA certificates; recipients
 *                     with EC certificates always get it by ECDH key agreement
 */
public record EncryptionOptions(ContentCipher cipher, KeyTransport keyTransport) {

    public EncryptionOptions {
        Objects.requireNonNull(cipher, "cipher");
        Objects.requireNonNull(keyTransport, "keyTransport");
    }

    /** AES-256-GCM with RSA-OAEP (SHA-256): what RFC 8551 asks for when nothing is known about the recipient. */
    public static EncryptionOptions defaults() {
        return new EncryptionOptions(ContentCipher.AES_256_GCM, KeyTransport.RSA_OAEP_SHA256);
    }
}
