package org.envelopelab.smime;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The plaintext of AES-GCM content, released only after the tag has been checked, with the JDK's
 * AES-NI code and little heap however large the message is.
 *
 * <p>On the first read it takes in all the ciphertext. GCM encrypts by counter mode, so it
 * decrypts each chunk with AES-CTR (counter starting where GCM's content counter starts) into a
 * {@link PlaintextSpool}, and feeds the plaintext to a GCM <em>encryption</em> under the same key
 * and nonce: counter mode is deterministic, so that re-encryption produces the received ciphertext
 * again, and its tag is the tag the sender's ciphertext must carry. Only when the tags are equal
 * does the spool become readable ({@link HeldPlaintext}). (SunJCE's GCM decryption would give the
 * same answer, but holds all ciphertext in memory until the end; encrypting streams. The
 * re-encryption repeats the sender's own computation on the sender's own plaintext, so it reveals
 * nothing new.)
 */
final class VerifiedPlaintext extends HeldPlaintext {

    /** GCM's 32-bit block counter starts at 2 for content and must not wrap: at most 2^32 - 2 blocks (NIST SP 800-38D). */
    private static final long MAXIMUM_LENGTH = ((1L << 32) - 2) * 16;

    private final InputStream ciphertextAndTag;
    private final SecretKey key;
    private final byte[] nonce;
    private final int tagLength;
    private final Supplier<byte[]> additionalData;
    private final int chunk;
    private byte[] tag;

    VerifiedPlaintext(InputStream ciphertextAndTag, SecretKey key, byte[] nonce, int tagLength, Supplier<byte[]> additionalData, int chunk) {
        this.chunk = chunk;
        this.ciphertextAndTag = ciphertextAndTag;
        this.key = key;
        this.nonce = nonce.clone();
        this.tagLength = tagLength;
        this.additionalData = additionalData;
    }

    /** The tag the message carried; null until the content has been read. */
    byte[] tag() {
        return tag == null ? null : tag.clone();
    }

    @Override
    protected void decryptAndCheck(PlaintextSpool spool) throws IOException {
        try {
            Cipher counterMode = Cipher.getInstance("AES/CTR/NoPadding", CryptoProviders.JDK_CIPHERS);
            counterMode.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(firstContentCounter()));
            Cipher reEncryption = gcmEncryption();
            byte[] buffer = new byte[chunk + tagLength];
            byte[] plain = new byte[chunk + tagLength];
            byte[] discarded = new byte[chunk + tagLength + 16];
            int held = 0;
            long total = 0;
            // The tag is the last tagLength bytes of the stream: always hold that many back.
            for (int read = ciphertextAndTag.read(buffer, held, chunk); read >= 0; read = ciphertextAndTag.read(buffer, held, chunk)) {
                held += read;
                int ready = held - tagLength;
                if (ready > 0) {
                    total += ready;
                    if (total > MAXIMUM_LENGTH) {
                        throw new IOException("the encrypted content is longer than AES-GCM allows");
                    }
                    int decrypted = counterMode.update(buffer, 0, ready, plain, 0);
                    spool.write(plain, 0, decrypted);
                    reEncryption.update(plain, 0, decrypted, discarded, 0);
                    System.arraycopy(buffer, ready, buffer, 0, tagLength);
                    held = tagLength;
                }
            }
            if (held < tagLength) {
                throw new IOException("the encrypted content ends before its authentication tag");
            }
            tag = Arrays.copyOf(buffer, tagLength);
            byte[] aad = additionalData.get();
            byte[] expected = aad.length == 0 ? tagOf(reEncryption.doFinal()) : tagWithAdditionalData(aad, spool);
            if (!MessageDigest.isEqual(expected, tag)) {
                throw new TamperedContentException("the authentication tag does not match: the ciphertext was changed");
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("AES-GCM failed: " + e.getMessage(), e);
        }
    }

    /**
     * Authenticated attributes (RFC 5083) reach the parser only after the content, but GCM takes
     * additional data first; the rare message that has them is re-encrypted once more from the spool.
     */
    private byte[] tagWithAdditionalData(byte[] aad, PlaintextSpool spool) throws IOException, GeneralSecurityException {
        Cipher reEncryption = gcmEncryption();
        reEncryption.updateAAD(aad);
        byte[] block = new byte[chunk];
        byte[] discarded = new byte[chunk + 16];
        try (InputStream plaintext = spool.read()) {
            for (int read = plaintext.read(block); read >= 0; read = plaintext.read(block)) {
                reEncryption.update(block, 0, read, discarded, 0);
            }
        }
        return tagOf(reEncryption.doFinal());
    }

    private Cipher gcmEncryption() throws GeneralSecurityException {
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding", CryptoProviders.JDK_CIPHERS);
        gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(tagLength * 8, nonce));
        return gcm;
    }

    private byte[] tagOf(byte[] finalOutput) {
        return Arrays.copyOfRange(finalOutput, finalOutput.length - tagLength, finalOutput.length);
    }

    /** GCM with a 96-bit nonce: J0 = nonce || 1 is used for the tag, content blocks count from nonce || 2. */
    private byte[] firstContentCounter() {
        byte[] counter = Arrays.copyOf(nonce, 16);
        counter[15] = 2;
        return counter;
    }
}
