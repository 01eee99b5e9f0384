package org.envelopelab.smime;

import jakarta.mail.internet.ContentType;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAuthEnvelopedDataParser;
import org.bouncycastle.cms.CMSEnvelopedDataParser;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.Recipient;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.RecipientInformationStore;
import org.envelopelab.pki.Certificates;
import org.envelopelab.pki.Credential;

import javax.crypto.BadPaddingException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.cert.CertificateEncodingException;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads an encrypted S/MIME message: finds the RecipientInfo for the reader's certificate, recovers
 * the content key with their private key, decrypts, and writes the outer headers followed by the
 * decrypted body. GCM content is authenticated in full, and CBC content decrypted in full with its
 * padding checked, before the first byte is written, so a changed message produces an error and no
 * plaintext. Streams like {@link EnvelopeWriter}.
 */
final class EnvelopeReader {

    /** What the layer was: the content cipher and how the key reached this reader. */
    record Unsealed(ContentCipher cipher, String keyManagement) {
    }

    /** The CMS structure, opened as far as the recipients and the content algorithm. */
    private record Envelope(RecipientInformationStore recipients, AlgorithmIdentifier contentAlgorithm, boolean authenticated) {
    }

    private EnvelopeReader() {
    }

    /**
     * Decrypts; IOException only when writing to {@code mime} fails, every problem with the
     * message itself is a {@link SmimeException}.
     */
    static Unsealed unseal(InputStream smime, OutputStream mime, Credential reader) throws SmimeException, IOException {
        return unseal(smime, mime, reader, true);
    }

    /** Decrypts, writing only the decrypted entity (its Content-* headers and body), without the outer headers. */
    static Unsealed unsealEntity(InputStream smime, OutputStream entity, Credential reader) throws SmimeException, IOException {
        return unseal(smime, entity, reader, false);
    }

    private static Unsealed unseal(InputStream smime, OutputStream mime, Credential reader, boolean outerHeaders)
            throws SmimeException, IOException {
        if (reader == null) {
            throw new SmimeException("the message is encrypted: decrypting it needs the recipient's private key");
        }
        int bufferSize = StreamBuffers.sizeFor(smime);
        InputStream in = new BufferedInputStream(smime, bufferSize);
        MessageHead head;
        Envelope envelope;
        try {
            head = MessageHead.read(in);
            requireEncrypted(head.contentType());
            InputStream cms = new BufferedInputStream(TransferEncoding.decode(head, in), bufferSize);
            envelope = open(cms);
        } catch (IOException | CMSException | RuntimeException e) { // Bouncy Castle's parsers answer some malformed input with NullPointerException or IndexOutOfBounds
            throw malformed(e);
        }
        ContentCipher cipher = cipherOf(envelope);
        RecipientInformation info = find(envelope.recipients(), reader);
        Recipient recipient = KeyManagement.recipient(info, reader.privateKey(), bufferSize);
        try (InputStream plaintext = new BufferedInputStream(info.getContentStream(recipient).getContentStream(), bufferSize)) {
            // The first read takes in all the content and checks it (GCM's tag, CBC's padding): nothing is
            // written before that, so a broken message leaves no plaintext behind.
            MessageHead entity = outerHeaders ? MessageHead.readEntityHead(plaintext) : null;
            if (outerHeaders) {
                write(mime, out -> head.writeAround(entity, out));
            }
            byte[] buffer = new byte[bufferSize];
            for (int read = plaintext.read(buffer); read >= 0; read = plaintext.read(buffer)) {
                int length = read;
                write(mime, out -> out.write(buffer, 0, length));
            }
            write(mime, OutputStream::flush);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (CMSException e) {
            // The causes (a provider that refuses the key, a bad RSA padding, a failed AES unwrap) are crypto
            // internals; what the reader can act on is that this key does not open this RecipientInfo.
            throw new SmimeException("cannot recover the content key with the private key of "
                    + Certificates.describe(reader.certificate()) + ": the message was changed, or the key is not"
                    + " the one the certificate was issued for", e);
        } catch (TamperedContentException e) {
            throw new SmimeException(e.getMessage(), e);
        } catch (IOException | RuntimeException e) { // Bouncy Castle's parsers answer some malformed input with NullPointerException or IndexOutOfBounds
            if (e.getCause() instanceof BadPaddingException) {
                throw new SmimeException("the content cannot be decrypted: the CBC padding is wrong, so the ciphertext was changed "
                        + "or it was not encrypted with this key", e);
            }
            throw malformed(e);
        }
        return new Unsealed(cipher, KeyManagement.describe(info, reader.certificate()));
    }

    private static void requireEncrypted(ContentType type) throws SmimeException {
        if (!SmimeKind.isPkcs7Mime(type)) {
            throw new SmimeException("the message is not encrypted: it is " + type.getBaseType().toLowerCase(Locale.ROOT));
        }
    }

    private static Envelope open(InputStream cms) throws IOException, CMSException, SmimeException {
        ASN1ObjectIdentifier type = CmsContentType.peek(cms);
        if (type.equals(CMSObjectIdentifiers.authEnvelopedData)) {
            CMSAuthEnvelopedDataParser parser = new CMSAuthEnvelopedDataParser(cms);
            return new Envelope(parser.getRecipientInfos(), parser.getEncryptionAlgOID(), true);
        }
        if (type.equals(CMSObjectIdentifiers.envelopedData)) {
            CMSEnvelopedDataParser parser = new CMSEnvelopedDataParser(cms);
            return new Envelope(parser.getRecipientInfos(), parser.getContentEncryptionAlgorithm(), false);
        }
        if (type.equals(CMSObjectIdentifiers.signedData)) {
            throw new SmimeException("the message is signed (opaque signed-data), not encrypted: verify it instead");
        }
        throw new SmimeException("the message is not encrypted: its CMS content type is " + type.getId());
    }

    private static ContentCipher cipherOf(Envelope envelope) throws SmimeException {
        ASN1ObjectIdentifier oid = envelope.contentAlgorithm().getAlgorithm();
        ContentCipher cipher = ContentCipher.ofOid(oid).orElseThrow(() -> new SmimeException(
                "the content is encrypted with " + oid.getId() + ", which the lab does not read (it reads AES-GCM and AES-CBC)"));
        if (cipher.authenticated() != envelope.authenticated()) {
            throw new SmimeException("malformed S/MIME message: " + cipher.label() + " content in "
                    + (envelope.authenticated() ? "AuthEnvelopedData" : "EnvelopedData")
                    + (cipher.authenticated() ? " (GCM belongs in AuthEnvelopedData, RFC 5084)" : " (CBC belongs in EnvelopedData)"));
        }
        return cipher;
    }

    /** The RecipientInfo for the reader's certificate, matched by issuer and serial number or by subject key identifier. */
    @SuppressWarnings("unchecked") // Bouncy Castle's RecipientId is a raw Selector; it matches certificate holders
    private static RecipientInformation find(RecipientInformationStore recipients, Credential reader) throws SmimeException {
        X509CertificateHolder certificate;
        try {
            certificate = CertificateHolders.of(reader.certificate());
        } catch (CertificateEncodingException | IOException e) {
            throw new SmimeException("the certificate of the reader cannot be read: " + MalformedReason.of(e), e);
        }
        for (RecipientInformation info : recipients.getRecipients()) {
            if (info.getRID().match(certificate)) {
                return info;
            }
        }
        String intended = recipients.getRecipients().stream()
                .map(info -> KeyManagement.describe(info.getRID()))
                .collect(Collectors.joining("; "));
        throw new SmimeException("not a recipient: the message is encrypted for " + intended + ", not for "
                + Certificates.describe(reader.certificate()));
    }

    private static SmimeException malformed(Exception e) {
        return new SmimeException("malformed S/MIME message: " + MalformedReason.of(e), e);
    }

    /** Output failures stay IOExceptions: they are the caller's stream, not the message. */
    private static void write(OutputStream out, Writing writing) {
        try {
            writing.to(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Writing {
        void to(OutputStream out) throws IOException;
    }
}
