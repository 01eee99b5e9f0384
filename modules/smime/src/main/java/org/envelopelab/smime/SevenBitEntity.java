package org.envelopelab.smime;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.util.ByteArrayDataSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Properties;

/**
 * Makes the entity a clear signature covers 7-bit safe (RFC 8551 section 3.1.3): a relay that
 * cannot carry 8-bit data converts it on the way, which changes the signed bytes and breaks the
 * signature. Parts whose body has 8-bit bytes, NULs or lines over 998 characters are given a
 * transfer encoding that is 7-bit (quoted-printable for mostly-ASCII text, otherwise base64, as
 * Jakarta Mail chooses); multiparts are gone through part by part. An entity that is 7-bit already
 * stays byte for byte as it was.
 */
final class SevenBitEntity {

    private static final Session SESSION = Session.getInstance(new Properties());
    /** RFC 5322 section 2.1.1: a line is at most 998 characters without its CRLF. */
    private static final int LONGEST_LINE = 998;

    private SevenBitEntity() {
    }

    /** The entity (Content-* fields, blank line, body; CRLF line ends), re-encoded where it is not 7-bit. */
    static byte[] of(byte[] entity) throws SmimeException {
        if (isSevenBit(entity)) {
            return entity;
        }
        try {
            MimeMessage parsed = new MimeMessage(SESSION, new ByteArrayInputStream(entity));
            reencode(parsed);
            parsed.saveChanges();
            ByteArrayOutputStream converted = new ByteArrayOutputStream(entity.length * 4 / 3 + 1024);
            try (OutputStream canonical = new CanonicalLineEndings(converted)) {
                // saveChanges gives a message these fields; the entity inside a signature has only Content-* fields.
                parsed.writeTo(canonical, new String[] {"Message-ID", "MIME-Version", "Date"});
            }
            return converted.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new SmimeException("cannot make the message 7-bit for a clear signature: " + MalformedReason.of(e), e);
        }
    }

    static boolean isSevenBit(byte[] bytes) {
        int lineLength = 0;
        for (byte b : bytes) {
            if (b <= 0) {
                return false;
            }
            lineLength = b == '\n' ? 0 : lineLength + 1;
            if (lineLength > LONGEST_LINE + 1) { // the +1 is the CR of CRLF
                return false;
            }
        }
        return true;
    }

    /** Re-encodes the part where needed; true when it is 7-bit now. */
    private static boolean reencode(MimePart part) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            boolean sevenBit = true;
            for (int i = 0; i < parts.getCount(); i++) {
                sevenBit &= reencode((MimePart) parts.getBodyPart(i));
            }
            if (sevenBit && part.getHeader("Content-Transfer-Encoding") != null) {
                part.setHeader("Content-Transfer-Encoding", "7bit"); // a multipart's label says what its parts are
            }
            return sevenBit;
        }
        String encoding = part.getEncoding() == null ? "7bit" : part.getEncoding().toLowerCase(Locale.ROOT);
        if (!encoding.equals("7bit") && !encoding.equals("8bit") && !encoding.equals("binary")) {
            return true; // base64 and quoted-printable are 7-bit already
        }
        byte[] body;
        try (InputStream decoded = part.getInputStream()) {
            body = decoded.readAllBytes();
        }
        if (isSevenBit(body)) {
            return true;
        }
        if (part.isMimeType("message/*")) {
            return false; // RFC 2046 allows no encoding on message/*: it stays as it is
        }
        // Jakarta Mail keeps a parsed part's encoding; given the body afresh, it chooses a 7-bit one when saving.
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(body, part.getContentType())));
        part.removeHeader("Content-Transfer-Encoding");
        return true;
    }
}
