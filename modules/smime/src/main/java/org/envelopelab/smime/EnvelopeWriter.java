package org.envelopelab.smime;

import org.bouncycastle.cms.CMSAuthEnvelopedDataStreamGenerator;
import org.bouncycastle.cms.CMSEnvelopedDataStreamGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.RecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.bouncycastle.operator.OutputEncryptor;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Writes an encrypted S/MIME message (RFC 8551 section 3.3): the outer headers stay in the clear;
 * the body, with its Content-* headers and in canonical form, is encrypted into AuthEnvelopedData
 * (GCM) or EnvelopedData (CBC) with one RecipientInfo per recipient, and travels as base64. It
 * streams from end to end: Bouncy Castle's CMS stream generators with the JDK's AES, so a large
 * message needs no more heap than a small one.
 */
final class EnvelopeWriter {

    private static final SecureRandom RANDOM = new SecureRandom();

    private EnvelopeWriter() {
    }

    static void seal(InputStream mime, OutputStream smime, Collection<X509Certificate> recipients, EncryptionOptions options)
            throws SmimeException, IOException {
        List<RecipientInfoGenerator> recipientInfos = recipientInfos(recipients, options);
        int bufferSize = StreamBuffers.sizeFor(mime);
        InputStream in = new BufferedInputStream(mime, bufferSize);
        MessageHead head;
        try {
            head = MessageHead.read(in);
        } catch (IOException e) {
            throw new SmimeException("it is not a message: " + MalformedReason.of(e), e);
        }
        OutputStream wire = new BufferedOutputStream(new NonClosingOutputStream(smime), bufferSize);
        head.writeOuter(wire);
        SmimeHeaders.writeEncrypted(wire, options.cipher().authenticated());
        OutputStream base64 = TransferEncoding.base64(wire);
        OutputStream content = new CanonicalLineEndings(open(options.cipher(), recipientInfos, base64, bufferSize));
        head.writeContent(content);
        content.write(MessageHead.CRLF);
        in.transferTo(content);
        // Closing finishes the CMS structure: the last cipher block, and for GCM the tag.
        content.close();
        base64.close();
        wire.close();
    }

    private static List<RecipientInfoGenerator> recipientInfos(Collection<X509Certificate> recipients, EncryptionOptions options)
            throws SmimeException {
        if (recipients.isEmpty()) {
            throw new SmimeException("no recipients: encrypting needs at least one recipient's certificate");
        }
        List<RecipientInfoGenerator> infos = new ArrayList<>();
        for (X509Certificate recipient : new LinkedHashSet<>(recipients)) {
            infos.add(KeyManagement.forRecipient(recipient, options.keyTransport()));
        }
        return infos;
    }

    private static OutputStream open(ContentCipher cipher, List<RecipientInfoGenerator> recipientInfos, OutputStream out,
                                     int bufferSize)
            throws SmimeException, IOException {
        try {
            OutputEncryptor encryptor = new JceCMSContentEncryptorBuilder(cipher.oid())
                    .setProvider(CryptoProviders.JDK_CIPHERS).setSecureRandom(RANDOM).build();
            OutputStream cms = new NonClosingOutputStream(out);
            if (cipher.authenticated()) {
                CMSAuthEnvelopedDataStreamGenerator generator = new CMSAuthEnvelopedDataStreamGenerator();
                generator.setBufferSize(bufferSize);
                recipientInfos.forEach(generator::addRecipientInfoGenerator);
                return generator.open(cms, (OutputAEADEncryptor) encryptor);
            }
            CMSEnvelopedDataStreamGenerator generator = new CMSEnvelopedDataStreamGenerator();
            generator.setBufferSize(bufferSize);
            recipientInfos.forEach(generator::addRecipientInfoGenerator);
            return generator.open(cms, encryptor);
        } catch (CMSException e) {
            throw new SmimeException("cannot encrypt with " + cipher.label() + ": " + e.getMessage(), e);
        }
    }
}
