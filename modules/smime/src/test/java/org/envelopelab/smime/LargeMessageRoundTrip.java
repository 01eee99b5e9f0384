package org.envelopelab.smime;

import org.envelopelab.pki.CertificateAuthority;
import org.envelopelab.pki.Credential;
import org.envelopelab.pki.KeyType;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Encrypts and decrypts one large message through the streaming entry points and reports sizes,
 * times, peak heap and whether the decrypted message is byte for byte the original. Run in its own
 * JVM with a small heap ({@link StreamingTest} starts it with -Xmx128m), or by hand:
 *
 * <pre>java -Xmx128m -cp &lt;test classpath&gt; org.envelopelab.smime.LargeMessageRoundTrip /tmp/work 50 aes-256-gcm aes-256-cbc</pre>
 */
public final class LargeMessageRoundTrip {

    private LargeMessageRoundTrip() {
    }

    public static void main(String[] arguments) throws Exception {
        Path directory = Path.of(arguments[0]);
        int megabytes = Integer.parseInt(arguments[1]);
        CertificateAuthority ca = CertificateAuthority.create("Contoso Root CA", "Contoso", Clock.systemUTC(), new SecureRandom());
        Credential bob = ca.issue("bob@contoso.example", "Bob Baker", KeyType.RSA_2048);
        Path original = directory.resolve("original.eml");
        String originalDigest = writeMessage(original, megabytes);
        for (int i = 2; i < arguments.length; i++) {
            roundTrip(directory, original, originalDigest, bob, ContentCipher.ofLabel(arguments[i]));
        }
    }

    private static void roundTrip(Path directory, Path original, String originalDigest, Credential bob, ContentCipher cipher) throws Exception {
        Path encrypted = directory.resolve(cipher.label() + ".p7m.eml");
        Path decrypted = directory.resolve(cipher.label() + ".decrypted.eml");
        resetPeaks();
        long start = System.nanoTime();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(original));
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(encrypted))) {
            Smime.encrypt(in, out, List.of(bob.certificate()), new EncryptionOptions(cipher, KeyTransport.RSA_OAEP_SHA256));
        }
        long encryptMillis = (System.nanoTime() - start) / 1_000_000;
        long encryptPeak = heapPeakMegabytes();
        resetPeaks();
        start = System.nanoTime();
        MessageDigest digest = sha256();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(encrypted));
             OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(decrypted)), digest)) {
            Smime.decrypt(in, out, bob);
        }
        long decryptMillis = (System.nanoTime() - start) / 1_000_000;
        long decryptPeak = heapPeakMegabytes();
        String decryptedDigest = HexFormat.of().formatHex(digest.digest());
        System.out.printf("%s: message %d MB, S/MIME %d MB; encrypt %d ms (peak heap %d MB); decrypt %d ms (peak heap %d MB); "
                        + "max heap %d MB; sha-256 equal: %s%n",
                cipher.label(), Files.size(original) >> 20, Files.size(encrypted) >> 20, encryptMillis, encryptPeak, decryptMillis,
                decryptPeak, Runtime.getRuntime().maxMemory() >> 20, decryptedDigest.equals(originalDigest));
        Files.delete(encrypted);
        Files.delete(decrypted);
    }

    /**
     * A message with an attachment of about the given size, already in the form decryption gives
     * back (outer fields, MIME-Version, then the Content-* fields, CRLF line ends), so the decrypted
     * bytes can be compared with these.
     */
    private static String writeMessage(Path file, int megabytes) throws IOException {
        MessageDigest digest = sha256();
        SplittableRandom random = new SplittableRandom(2018);
        try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), digest)) {
            out.write(("From: alice@contoso.example\r\nTo: bob@contoso.example\r\nSubject: The whole archive\r\n"
                    + "MIME-Version: 1.0\r\nContent-Type: application/octet-stream; name=\"archive.bin\"\r\n"
                    + "Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"archive.bin\"\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            OutputStream base64 = Base64.getMimeEncoder(76, new byte[]{'\r', '\n'}).wrap(new NonClosingOutputStream(out));
            byte[] chunk = new byte[57 * 1024];
            // Base64 turns 57 bytes into a line of 76 characters and CRLF: 78 bytes on the wire.
            long binary = (long) megabytes * 1024 * 1024 * 57 / 78;
            for (long written = 0; written < binary; written += chunk.length) {
                random.nextBytes(chunk);
                base64.write(chunk);
            }
            base64.close();
            out.write(new byte[]{'\r', '\n'});
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peaks: an upper bound on the heap in use at any one time. */
    private static long heapPeakMegabytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum() >> 20;
    }

}
