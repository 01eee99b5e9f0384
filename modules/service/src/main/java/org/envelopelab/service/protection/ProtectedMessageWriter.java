package org.envelopelab.service.protection;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;
import org.envelopelab.service.message.EscapedHtml;
import org.envelopelab.service.message.MailDate;
import org.envelopelab.service.message.OuterHeaders;
import org.envelopelab.service.tenant.Tenant;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Writes the protected message that recipients inside the tenant receive: the original's outer
 * headers (the subject stays readable, as in the product), a short notice for clients that cannot
 * open it, and the CMS as {@value ProtectedMessage#ATTACHMENT_NAME}. Written by hand rather than
 * through Jakarta Mail's object model, and with the notice encoded once per tenant: protecting is
 * on every message's path and should cost little beyond the cryptography. (Jakarta Mail looks its
 * encoders up through a ServiceLoader on every call, which alone cost more than the AES-GCM of a
 * 10 KB message.)
 */
final class ProtectedMessageWriter {

    private static final byte[] CRLF = {'\r', '\n'};

    private final String domain;
    private final byte[] noticeText;
    private final byte[] noticeHtml;

    ProtectedMessageWriter(Tenant tenant) {
        this.domain = tenant.domain();
        this.noticeText = textPart("text/plain", noticeText(tenant));
        this.noticeHtml = textPart("text/html", noticeHtml(tenant));
    }

    /**
     * @param headers          the original's header section
     * @param missingMessageId the Message-ID the service made when the original had none, else null
     * @param issued           when the service protected it: the Date of an original that has none
     */
    byte[] write(OuterHeaders headers, String missingMessageId, Instant issued, byte[] cms, Randomness randomness) {
        String mixed = randomness.boundary("protected");
        String alternative = randomness.boundary("notice");
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        for (String line : headers.keptLines()) {
            line(out, line);
        }
        if (!headers.has("Date")) {
            line(out, "Date: " + MailDate.of(issued));
        }
        if (missingMessageId != null) {
            line(out, "Message-ID: " + missingMessageId);
        }
        line(out, "MIME-Version: 1.0");
        line(out, ProtectedMessage.PROTECTED_BY_HEADER + ": " + domain);
        line(out, "Content-Type: multipart/mixed; boundary=\"" + mixed + "\"");
        line(out, "");
        line(out, "This is a protected message in MIME format.");
        line(out, "--" + mixed);
        line(out, "Content-Type: multipart/alternative; boundary=\"" + alternative + "\"");
        line(out, "");
        line(out, "--" + alternative);
        out.writeBytes(noticeText);
        line(out, "--" + alternative);
        out.writeBytes(noticeHtml);
        line(out, "--" + alternative + "--");
        line(out, "--" + mixed);
        line(out, "Content-Type: " + ProtectedMessage.CONTENT_TYPE + "; name=\"" + ProtectedMessage.ATTACHMENT_NAME + "\"");
        line(out, "Content-Disposition: attachment; filename=\"" + ProtectedMessage.ATTACHMENT_NAME + "\"");
        line(out, "Content-Transfer-Encoding: base64");
        line(out, "");
        byte[] before = out.toByteArray();
        byte[] after = ("\r\n--" + mixed + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        // One array of the exact size, the CMS encoded straight into it: no stream, no growing buffer.
        byte[] message = new byte[Math.addExact(before.length + after.length, Base64Lines.length(cms.length))];
        System.arraycopy(before, 0, message, 0, before.length);
        int at = Base64Lines.encode(cms, message, before.length);
        System.arraycopy(after, 0, message, at, after.length);
        return message;
    }

    static String noticeText(Tenant tenant) {
        return "This message is protected by " + tenant.name() + "'s message encryption service.\r\n"
                + "Open it in a mail client of " + tenant.name() + " (" + tenant.domain() + ") to read it.\r\n"
                + "The attachment " + ProtectedMessage.ATTACHMENT_NAME + " holds the encrypted message; only the"
                + " service can unlock it, and only for the people it was sent to.\r\n";
    }

    private static String noticeHtml(Tenant tenant) {
        String name = EscapedHtml.of(tenant.name());
        return "<!DOCTYPE html>\r\n<html><body>\r\n<p>This message is protected by " + name
                + "&#39;s message encryption service.</p>\r\n<p>Open it in a mail client of " + name + " ("
                + EscapedHtml.of(tenant.domain()) + ") to read it.</p>\r\n</body></html>\r\n";
    }

    /** Quoted-printable keeps the notice readable in a raw view and safe for any tenant name. */
    private static byte[] textPart(String type, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        line(out, "Content-Type: " + type + "; charset=UTF-8");
        line(out, "Content-Transfer-Encoding: quoted-printable");
        line(out, "");
        try (OutputStream encoder = MimeUtility.encode(new NotClosing(out), "quoted-printable")) {
            encoder.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("quoted-printable encoding failed: " + e.getMessage(), e);
        }
        out.writeBytes(CRLF);
        return out.toByteArray();
    }

    private static void line(ByteArrayOutputStream out, String line) {
        out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(CRLF);
    }

    /** Lets the encoder be closed (which flushes it) without closing the message being written. */
    private static final class NotClosing extends OutputStream {
        private final OutputStream out;

        NotClosing(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() {
            // The message goes on after this part.
        }
    }
}
