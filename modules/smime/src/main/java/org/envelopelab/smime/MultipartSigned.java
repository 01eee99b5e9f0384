package org.envelopelab.smime;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The multipart/signed format (RFC 1847, RFC 8551 section 3.5.3): two parts, the signed entity
 * exactly as signed, then the detached signature. Reading takes the first part's bytes straight
 * from the message, the way OpenSSL does, rather than from a re-serialized MIME tree, because one
 * changed byte breaks the signature.
 */
final class MultipartSigned {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The two parts as they appear in the message. */
    record Parts(byte[] signedEntity, byte[] signatureEntity) {
    }

    private record Delimiter(int lineStart, int contentStart, boolean closing) {
    }

    private MultipartSigned() {
    }

    /** Writes the Content-* headers and the body of a clear-signed message. */
    static void write(OutputStream out, byte[] signedEntity, byte[] signature) throws IOException {
        String boundary = "----=_EnvelopeLab_" + HexFormat.of().formatHex(randomBytes());
        byte[] delimiter = ("--" + boundary + "\r\n").getBytes(StandardCharsets.US_ASCII);
        SmimeHeaders.writeClearSigned(out, boundary, hasEightBitBytes(signedEntity));
        out.write(delimiter);
        out.write(signedEntity);
        out.write(MessageHead.CRLF);
        out.write(delimiter);
        SmimeHeaders.writeSignaturePart(out);
        try (OutputStream base64 = TransferEncoding.base64(out)) {
            base64.write(signature);
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** Splits a multipart/signed body into its two parts; the CRLF before each delimiter belongs to the delimiter. */
    static Parts split(byte[] body, String boundary) throws IOException {
        List<Delimiter> delimiters = delimiters(body, ("--" + boundary).getBytes(StandardCharsets.US_ASCII));
        if (delimiters.size() < 3 || delimiters.get(0).closing() || delimiters.get(1).closing()) {
            throw new IOException("the multipart/signed body does not have a signed part and a signature part");
        }
        return new Parts(between(body, delimiters.get(0), delimiters.get(1)), between(body, delimiters.get(1), delimiters.get(2)));
    }

    private static byte[] between(byte[] body, Delimiter open, Delimiter next) {
        int end = next.lineStart();
        end -= end >= 2 && body[end - 2] == '\r' ? 2 : 1;
        return Arrays.copyOfRange(body, open.contentStart(), Math.max(open.contentStart(), end));
    }

    private static List<Delimiter> delimiters(byte[] body, byte[] dashBoundary) {
        List<Delimiter> found = new ArrayList<>();
        for (int start = 0; start < body.length; start = nextLine(body, start)) {
            if (!startsWith(body, start, dashBoundary)) {
                continue;
            }
            int after = start + dashBoundary.length;
            boolean closing = after + 1 < body.length && body[after] == '-' && body[after + 1] == '-';
            int position = closing ? after + 2 : after;
            while (position < body.length && (body[position] == ' ' || body[position] == '\t')) {
                position++;
            }
            boolean lineEnds = position >= body.length || body[position] == '\r' || body[position] == '\n';
            if (lineEnds || closing) {
                found.add(new Delimiter(start, nextLine(body, start), closing));
                if (closing) {
                    break;
                }
            }
        }
        return found;
    }

    private static int nextLine(byte[] body, int from) {
        for (int i = from; i < body.length; i++) {
            if (body[i] == '\n') {
                return i + 1;
            }
        }
        return body.length;
    }

    private static boolean startsWith(byte[] body, int offset, byte[] prefix) {
        if (offset + prefix.length > body.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static boolean hasEightBitBytes(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
