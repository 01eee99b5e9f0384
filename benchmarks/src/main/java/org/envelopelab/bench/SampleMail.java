package org.envelopelab.bench;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.envelopelab.mailnet.MailStreams;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The messages the benchmarks send: a plain-text statement from Alice at Contoso Bank to Carol
 * at Gmail, grown to an exact size with lines of ordinary text, a card number in the first line
 * (so the service's card rule matches) and CRLF line ends, as it would leave a mail client.
 */
public final class SampleMail {

    public static final String FROM = "alice@contoso-bank.example";
    public static final String TO = "carol@gmail.example";
    public static final String CARD_NUMBER = "4111 1111 1111 1111";

    private static final String LINE = "The quick brown fox jumps over the lazy dog while the statement balance stays put.\r\n";
    private static final Session SESSION = Session.getInstance(new Properties());

    static {
        // As in every lab run (MailWorld.start, Lab.main): without it Jakarta Mail looks up its stream
        // provider for every MIME part it makes, and reading a small protected message costs 4x as much.
        MailStreams.nameTheProvider();
    }

    private SampleMail() {
    }

    /** The whole RFC 5322 message, exactly {@code size} bytes long (headers included, at least the headers). */
    public static byte[] bytes(int size) {
        return bytes(size, FROM, TO, "<statement-" + size + "@contoso-bank.example>");
    }

    public static byte[] bytes(int size, String from, String to, String messageId) {
        String head = "From: Alice Adams <" + from + ">\r\n"
                + "To: Carol Clark <" + to + ">\r\n"
                + "Subject: Your March card statement\r\n"
                + "Date: Mon, 2 Mar 2026 09:00:00 +0000\r\n"
                + "Message-ID: " + messageId + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n"
                + "Content-Transfer-Encoding: 7bit\r\n"
                + "\r\n"
                + "Dear Carol, your statement for card " + CARD_NUMBER + " shows a balance of USD 1,284.10.\r\n";
        StringBuilder text = new StringBuilder(Math.max(size, head.length()) + LINE.length());
        text.append(head);
        while (text.length() + LINE.length() <= size) {
            text.append(LINE);
        }
        int missing = size - text.length();
        if (missing >= 2) {
            text.append("x".repeat(missing - 2)).append("\r\n");
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The same message parsed, as a mail client holds it before it signs or encrypts. */
    public static MimeMessage message(int size) {
        return parse(bytes(size));
    }

    public static MimeMessage parse(byte[] raw) {
        try {
            return new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            throw new IllegalStateException("the sample message does not parse", e);
        }
    }
}
