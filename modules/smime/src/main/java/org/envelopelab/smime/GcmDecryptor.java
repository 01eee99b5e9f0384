package org.envelopelab.smime;

import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.operator.InputAEADDecryptor;

import javax.crypto.SecretKey;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Decrypts AES-GCM content (AuthEnvelopedData, RFC 5083/5084). Bouncy Castle's parser hands it the
 * encrypted content followed by the tag (the {@code mac} field), and any authenticated attributes
 * through the AAD stream; {@link VerifiedPlaintext} does the work and releases nothing before the
 * tag has been checked.
 */
final class GcmDecryptor implements InputAEADDecryptor {

    /** The nonce length RFC 5084 recommends, and the one every S/MIME client and OpenSSL sends. */
    private static final int NONCE_LENGTH = 12;

    private final AlgorithmIdentifier algorithm;
    private final SecretKey key;
    private final byte[] nonce;
    private final int tagLength;
    private final ByteArrayOutputStream additionalData = new ByteArrayOutputStream();
    private final int bufferSize;
    private VerifiedPlaintext plaintext;

    GcmDecryptor(AlgorithmIdentifier algorithm, SecretKey key, int bufferSize) throws CMSException {
        this.algorithm = algorithm;
        this.bufferSize = bufferSize;
        this.key = key;
        GCMParameters parameters;
        try {
            parameters = GCMParameters.getInstance(algorithm.getParameters());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CMSException("the GCM parameters cannot be read: " + e.getMessage(), e);
        }
        this.nonce = parameters.getNonce();
        this.tagLength = parameters.getIcvLen();
        if (nonce.length != NONCE_LENGTH) {
            throw new CMSException("the GCM nonce is " + nonce.length + " bytes; the lab reads the " + NONCE_LENGTH
                    + "-byte nonces RFC 5084 recommends");
        }
        if (tagLength < 12 || tagLength > 16) {
            throw new CMSException("a GCM tag of " + tagLength + " bytes is not allowed (RFC 5084: 12 to 16)");
        }
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return algorithm;
    }

    @Override
    public InputStream getInputStream(InputStream ciphertextAndTag) {
        plaintext = new VerifiedPlaintext(ciphertextAndTag, key, nonce, tagLength, additionalData::toByteArray, bufferSize);
        return plaintext;
    }

    @Override
    public OutputStream getAADStream() {
        return additionalData;
    }

    @Override
    public byte[] getMAC() {
        return plaintext == null ? null : plaintext.tag();
    }
}
