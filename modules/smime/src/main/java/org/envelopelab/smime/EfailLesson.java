package org.envelopelab.smime;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.envelopelab.pki.CertificateAuthority;
import org.envelopelab.pki.Credential;
import org.envelopelab.pki.KeyType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The EFAIL lesson, offline (Poddebniak et al., "Efail: Breaking S/MIME and OpenPGP Email
 * Encryption using Exfiltration Channels", USENIX Security 2018). CBC decryption XORs each
 * decrypted block with the previous ciphertext block, the first with the IV; so whoever knows a
 * plaintext block can turn it into any block they like by XORing the block before it, without
 * the key, and nothing in EnvelopedData notices. The lesson makes that change to the IV of an
 * AES-CBC message and to the first ciphertext block of an AES-GCM message (counter mode is just
 * as malleable), and shows that only GCM's tag catches it. Nothing is rendered, nothing is fetched.
 */
public final class EfailLesson {

    /** What every S/MIME body starts with, so an attacker knows it: the first 16 bytes of the encrypted entity. */
    static final String KNOWN_BLOCK = "Content-Type: te";
    /** The start of the EFAIL exfiltration gadget: an HTML image whose URL would swallow the following plaintext. */
    static final String CHOSEN_BLOCK = "<img src=\"http:/";

    private static final String LETTER = "From: alice@contoso.example\r\n"
            + "To: bob@contoso.example\r\n"
            + "Subject: Merger plans\r\n"
            + "Content-Type: text/plain; charset=us-ascii\r\n"
            + "Content-Transfer-Encoding: 7bit\r\n"
            + "\r\n"
            + "Bob, we sign with Fabrikam on Friday. Keep it to yourself.\r\n";

    private EfailLesson() {
    }

    /** Runs the lesson against a recipient the lab makes for it. */
    public static EfailReport run() throws SmimeException {
        CertificateAuthority ca = CertificateAuthority.create("Lesson Root CA", "Contoso", Clock.systemUTC(), new SecureRandom());
        return run(ca.issue("bob@contoso.example", "Bob Baker", KeyType.RSA_2048));
    }

    /** Runs the lesson with messages encrypted to this recipient, who then decrypts what the attacker sent on. */
    public static EfailReport run(Credential recipient) throws SmimeException {
        Session session = Session.getInstance(new Properties());
        byte[] mask = xor(bytes(KNOWN_BLOCK), bytes(CHOSEN_BLOCK));

        InterceptedMessage cbc = InterceptedMessage.of(encrypt(session, recipient, ContentCipher.AES_256_CBC));
        MimeMessage cbcAttacked = cbc.withIv(xor(cbc.iv(), mask)).message(session);
        String firstBlock;
        boolean cbcWithoutError;
        try {
            firstBlock = new String(Arrays.copyOf(decryptedEntity(cbcAttacked, recipient), 16), StandardCharsets.ISO_8859_1);
            cbcWithoutError = true;
        } catch (SmimeException e) {
            firstBlock = "";
            cbcWithoutError = false;
        }

        InterceptedMessage gcm = InterceptedMessage.of(encrypt(session, recipient, ContentCipher.AES_256_GCM));
        byte[] ciphertext = gcm.ciphertext();
        System.arraycopy(xor(Arrays.copyOf(ciphertext, 16), mask), 0, ciphertext, 0, 16);
        String gcmOutcome;
        try {
            decryptedEntity(gcm.withCiphertext(ciphertext).message(session), recipient);
            gcmOutcome = "decrypted without error (GCM should have caught this)";
        } catch (SmimeException e) {
            gcmOutcome = e.getMessage();
        }
        return new EfailReport(KNOWN_BLOCK, CHOSEN_BLOCK, firstBlock, cbcWithoutError, gcmOutcome);
    }

    private static MimeMessage encrypt(Session session, Credential recipient, ContentCipher cipher) throws SmimeException {
        MimeMessage letter = MessageBytes.message(LETTER.getBytes(StandardCharsets.US_ASCII), session);
        return Smime.encrypt(letter, List.of(recipient.certificate()), new EncryptionOptions(cipher, KeyTransport.RSA_OAEP_SHA256));
    }

    /** What the recipient's client decrypts: the same code as {@link Smime#decrypt}, keeping only the decrypted entity. */
    private static byte[] decryptedEntity(MimeMessage message, Credential recipient) throws SmimeException {
        ByteArrayOutputStream entity = new ByteArrayOutputStream();
        try {
            EnvelopeReader.unsealEntity(new ByteArrayInputStream(MessageBytes.of(message)), entity, recipient);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return entity.toByteArray();
    }

    private static byte[] xor(byte[] a, byte[] b) {
        byte[] result = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            result[i] = (byte) (a[i] ^ b[i]);
        }
        return result;
    }

    private static byte[] bytes(String block) {
        return block.getBytes(StandardCharsets.US_ASCII);
    }
}
