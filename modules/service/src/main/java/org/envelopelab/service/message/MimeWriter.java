package org.envelopelab.service.message;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Writes a MIME message the service composes from parts it knows — header lines, multiparts, text
 * and binary parts — straight into bytes. Jakarta Mail's {@code MimeBodyPart} and
 * {@code MimeMultipart} each look up a stream provider through a {@code ServiceLoader} when they
 * are made, and again for every part they encode; composing a wrapper with them cost more than
 * protecting the message (about 60% of the wrapper's time, measured with JFR in
 * {@code ServiceBenchmark.wrapper}). Text is 7bit when it is ASCII in short lines, base64
 * otherwise, always with CRLF line ends; binary parts are base64.
 */
public final class MimeWriter {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] CRLF = {'\r', '\n'};
    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(76, CRLF);
    private static final int LONGEST_7BIT_LINE = 998;

    /** A wrapper is about 2.5KB: a larger first buffer would be most of what building one allocates. */
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(4 * 1024);

    /** A header field line (no line end); folded lines keep their CRLF inside. */
    public MimeWriter header(String line) {
        return ascii(line).ascii("\r\n");
    }

    /** Starts a multipart entity: its Content-Type and the blank line; returns the boundary for {@link #part} and {@link #end}. */
    public String multipart(String subtype) {
        String boundary = "----=_EnvelopeLab_" + HexFormat.of().formatHex(randomBytes());
        header("Content-Type: multipart/" + subtype + ";\r\n\tboundary=\"" + boundary + "\"");
        ascii("\r\n");
        return boundary;
    }

    /** The delimiter before each part of a multipart. */
    public MimeWriter part(String boundary) {
        return ascii("\r\n--" + boundary + "\r\n");
    }

    /** The closing delimiter of a multipart. */
    public MimeWriter end(String boundary) {
        return ascii("\r\n--" + boundary + "--\r\n");
    }

    /**
     * A text part: its Content-Type ({@code text/<subtype>; charset=UTF-8}, plus {@code extraType}
     * parameters), any extra header lines, the transfer encoding and the body.
     */
    public MimeWriter text(String subtype, String text, String extraType, String... extraHeaders) {
        byte[] body = canonical(text).getBytes(StandardCharsets.UTF_8);
        header("Content-Type: text/" + subtype + "; charset=UTF-8" + extraType);
        for (String line : extraHeaders) {
            header(line);
        }
        if (isSevenBit(body)) {
            header("Content-Transfer-Encoding: 7bit");
            ascii("\r\n");
            out.writeBytes(body);
        } else {
            base64Body(body);
        }
        return this;
    }

    /** A binary part in base64, with its Content-Type and any extra header lines. */
    public MimeWriter binary(String contentType, byte[] content, String... extraHeaders) {
        header("Content-Type: " + contentType);
        for (String line : extraHeaders) {
            header(line);
        }
        base64Body(content);
        return this;
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    private void base64Body(byte[] body) {
        header("Content-Transfer-Encoding: base64");
        ascii("\r\n");
        out.writeBytes(BASE64.encode(body));
    }

    private MimeWriter ascii(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    private static String canonical(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    private static boolean isSevenBit(byte[] body) {
        int line = 0;
        for (byte b : body) {
            if (b < 0 || b == 0) {
                return false;
            }
            line = b == '\n' ? 0 : line + 1;
            if (line > LONGEST_7BIT_LINE) {
                return false;
            }
        }
        return true;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
