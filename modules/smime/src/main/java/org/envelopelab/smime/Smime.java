package org.envelopelab.smime;

import jakarta.mail.internet.MimeMessage;
import org.envelopelab.pki.Credential;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The S/MIME codec: sign, encrypt, decrypt and verify whole messages (RFC 8551, CMS per RFC 5652,
 * AuthEnvelopedData per RFC 5083/5084). The outer headers (From, To, Subject, Date, Message-ID)
 * stay in the clear, as in standard S/MIME; what is protected is the body with its Content-*
 * headers. Every message returned is parsed from finished bytes, so it can be saved, written and
 * read back any number of times and still verifies and decrypts.
 *
 * <p>Trust is not decided here: {@link #verify} says whether a signature matches its content and
 * certificate; whether that certificate is good is the client's question.
 */
public final class Smime {

    /** How deep {@link #open} goes: real messages have at most three layers (triple wrapping). */
    private static final int MAXIMUM_LAYERS = 8;

    private Smime() {
    }

    /** Signs with SHA-256, the signer's chain and the current time as signing time. */
    public static MimeMessage sign(MimeMessage message, Credential signer, SignatureForm form) throws SmimeException {
        return sign(message, signer, form, Clock.systemUTC());
    }

    /** Signs, taking the signing time from a (lab) clock. */
    public static MimeMessage sign(MimeMessage message, Credential signer, SignatureForm form, Clock clock) throws SmimeException {
        byte[] signed = SignatureWriter.sign(MessageBytes.of(message), signer, form, clock.instant());
        return MessageBytes.message(signed, MessageBytes.sessionOf(message));
    }

    /** Encrypts for every recipient certificate (RSA or EC, mixed as needed). */
    public static MimeMessage encrypt(MimeMessage message, Collection<X509Certificate> recipients, EncryptionOptions options)
            throws SmimeException {
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        try {
            EnvelopeWriter.seal(new ByteArrayInputStream(MessageBytes.of(message)), encrypted, recipients, options);
        } catch (IOException e) {
            throw new SmimeException("cannot encrypt the message: " + MalformedReason.of(e), e);
        }
        return MessageBytes.message(encrypted.toByteArray(), MessageBytes.sessionOf(message));
    }

    /** Clear-signs, then encrypts the signed message: the signature is inside, visible only to the recipients. */
    public static MimeMessage signAndEncrypt(MimeMessage message, Credential signer, Collection<X509Certificate> recipients,
                                             EncryptionOptions options) throws SmimeException {
        return encrypt(sign(message, signer, SignatureForm.CLEAR), recipients, options);
    }

    /** The same, with the signing time from a (lab) clock. */
    public static MimeMessage signAndEncrypt(MimeMessage message, Credential signer, Collection<X509Certificate> recipients,
                                             EncryptionOptions options, Clock clock) throws SmimeException {
        return encrypt(sign(message, signer, SignatureForm.CLEAR, clock), recipients, options);
    }

    /** Decrypts one layer with the recipient's private key. */
    public static Decryption decrypt(MimeMessage message, Credential recipient) throws SmimeException {
        ByteArrayOutputStream decrypted = new ByteArrayOutputStream();
        EnvelopeReader.Unsealed unsealed;
        try {
            unsealed = EnvelopeReader.unseal(new ByteArrayInputStream(MessageBytes.of(message)), decrypted, recipient);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return new Decryption(MessageBytes.message(decrypted.toByteArray(), MessageBytes.sessionOf(message)),
                unsealed.cipher(), unsealed.keyManagement());
    }

    /** Checks a clear-signed or opaque-signed message; an invalid signature is reported, not thrown. */
    public static Verification verify(MimeMessage message) throws SmimeException {
        SignatureReader.Checked checked = SignatureReader.check(MessageBytes.of(message));
        return new Verification(MessageBytes.message(checked.content(), MessageBytes.sessionOf(message)), checked.signer(),
                checked.certificates(), checked.valid(), checked.problem(), checked.signingTime(), checked.digestAlgorithm());
    }

    /**
     * What a client does on receipt: decrypt when encrypted, verify when signed, and again for
     * each nested layer (sign-then-encrypt has two, a triple-wrapped message three).
     *
     * @param recipient the reader's credential; may be null when the message is not encrypted
     */
    public static Opened open(MimeMessage message, Credential recipient) throws SmimeException {
        MimeMessage content = message;
        List<String> layers = new ArrayList<>();
        Decryption decryption = null;
        Verification verification = null;
        for (int depth = 0; depth < MAXIMUM_LAYERS; depth++) {
            SmimeKind kind = SmimeKind.of(content);
            if (kind.encrypted()) {
                decryption = decrypt(content, recipient);
                layers.add(kind.label() + " (" + decryption.cipher().label() + ")");
                content = decryption.content();
            } else if (kind.signed()) {
                verification = verify(content);
                layers.add(kind.label());
                content = verification.content();
            } else {
                return new Opened(content, layers, decryption, verification);
            }
        }
        throw new SmimeException("the message has more than " + MAXIMUM_LAYERS + " S/MIME layers; a client stops there");
    }

    /**
     * Encrypts a whole RFC 5322 message from a stream to a stream, never holding it in memory.
     *
     * @throws IOException when reading {@code mime} or writing {@code smime} fails
     */
    public static void encrypt(InputStream mime, OutputStream smime, Collection<X509Certificate> recipients, EncryptionOptions options)
            throws SmimeException, IOException {
        EnvelopeWriter.seal(mime, smime, recipients, options);
    }

    /**
     * Decrypts a whole S/MIME message from a stream to a stream with little heap whatever its size.
     * For GCM nothing is written before the whole content has been authenticated.
     *
     * @throws IOException only when writing {@code mime} fails; problems with the message are SmimeExceptions
     */
    public static void decrypt(InputStream smime, OutputStream mime, Credential recipient) throws SmimeException, IOException {
        EnvelopeReader.unseal(smime, mime, recipient);
    }

}
