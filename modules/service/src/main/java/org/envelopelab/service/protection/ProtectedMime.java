package org.envelopelab.service.protection;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the CMS of a protected message lies in its MIME, found without reading the body, and its
 * base64 decoded whole or only at its two ends.
 *
 * <p>The walk reads header sections and the delimiter lines of multiparts: from the front for the
 * small parts (the notice), and from the back for the protected part, which the service writes
 * last, so that its end is the last delimiter of the multipart that holds it. Its base64 is then
 * expected in the service's layout: lines of 76 characters ending CRLF (or LF, if something on
 * the way changed line ends), the last one shorter. Knowing the CMS's length from its first
 * bytes, the layout tells where every byte of the CMS is in the text, so the policy at the end of
 * the CMS is decoded without touching the encrypted content before it. Anything else — another
 * layout, another place, a header this walk does not understand — is left to the caller's full
 * path (Jakarta Mail), which gives the answer it always gave.
 */
final class ProtectedMime implements ProtectedEnvelope.CmsBytes {

    private static final int LINE = 76;
    private static final int GROUPS_PER_LINE = LINE / 4;

    private final byte[] mime;
    private final int start;
    private final int end;
    private final int lineEnd;

    private ProtectedMime(byte[] mime, int start, int end, int lineEnd) {
        this.mime = mime;
        this.start = start;
        this.end = end;
        this.lineEnd = lineEnd;
    }

    /** The protected part's base64 body, when the walk finds it in the expected place and layout. */
    static Optional<ProtectedMime> find(byte[] mime) {
        try {
            return Optional.ofNullable(entity(mime, 0, mime.length, 0));
        } catch (RuntimeException e) {
            return Optional.empty(); // not MIME as this walk reads it: the full path decides
        }
    }

    /** How long the text of the body is, line ends included: for the length check against the CMS. */
    int textLength() {
        return end - start;
    }

    /** Whether a CMS of {@code derLength} bytes written in this body's layout fills it exactly. */
    boolean holds(long derLength) {
        long characters = (derLength + 2) / 3 * 4;
        long lines = (characters + LINE - 1) / LINE;
        return characters > 0 && characters + (lines - 1) * lineEnd == end - start;
    }

    /** The first {@code count} bytes of the CMS (fewer if it is shorter). */
    byte[] head(int count) {
        int groups = (count + 2) / 3;
        long available = characterCount() / 4;
        byte[] out = new byte[(int) Math.min(groups, available) * 3];
        int written = decode(0, (int) Math.min(groups, available), out, 0);
        return Arrays.copyOf(out, Math.min(written, count));
    }

    /** The bytes of a CMS of {@code derLength} bytes from {@code from} to its end, read from the end of the text. */
    byte[] tail(int from, int derLength) {
        int firstGroup = from / 3;
        int groups = (derLength + 2) / 3 - firstGroup;
        byte[] out = new byte[groups * 3];
        int written = decode(firstGroup, groups, out, 0);
        int skip = from - firstGroup * 3;
        if (written - skip != derLength - from) {
            throw new ProtectionException("malformed protected message: its base64 ends before the CMS does");
        }
        return Arrays.copyOfRange(out, skip, written);
    }

    /**
     * Bytes {@code from} to {@code to} of the CMS, decoded a piece at a time into one small buffer
     * and handed to {@code sink} while still in the CPU's cache: nothing of the size of the message
     * is made. Every character read is checked.
     */
    @Override
    public void read(int from, int to, ProtectedEnvelope.Sink sink) {
        int groupsPerPiece = ContentKey.CHUNK / 3;
        byte[] piece = new byte[groupsPerPiece * 3];
        int lastGroup = (to + 2) / 3;
        for (int group = from / 3; group < lastGroup; group += groupsPerPiece) {
            int groups = Math.min(groupsPerPiece, lastGroup - group);
            int written = decode(group, groups, piece, 0);
            int pieceStart = group * 3;
            int start = Math.max(from, pieceStart) - pieceStart;
            int end = Math.min(to, pieceStart + written) - pieceStart;
            if (end < Math.min(to - pieceStart, groups * 3)) {
                throw new ProtectionException("malformed protected message: its base64 ends before the CMS does");
            }
            sink.accept(piece, start, end - start);
        }
    }

    /** The whole CMS, {@code derLength} bytes, checking every character. */
    @Override
    public byte[] all(int derLength) {
        int groups = (derLength + 2) / 3;
        byte[] out = new byte[derLength];
        int written = decode(0, groups, out, 0);
        if (written != derLength) {
            throw new ProtectionException("malformed protected message: its base64 does not hold the whole CMS");
        }
        return out;
    }

    private long characterCount() {
        long lines = (end - start + lineEnd) / (LINE + lineEnd);
        long rest = (end - start + lineEnd) % (LINE + lineEnd);
        return lines * LINE + Math.max(0, rest - lineEnd);
    }

    /**
     * Decodes {@code groups} groups of four characters, the first being group {@code firstGroup} of
     * the text; returns the bytes written (fewer than three per group only for the padded last one).
     * Line ends must sit where the layout puts them, and every other character must be base64.
     */
    private int decode(int firstGroup, int groups, byte[] out, int at) {
        int written = at;
        long character = (long) firstGroup * 4;
        int position = (int) (start + character / LINE * (LINE + lineEnd) + character % LINE);
        int column = (int) (character % LINE);
        int[] values = Base64Alphabet.VALUES;
        for (int group = 0; group < groups; group++) {
            // A whole line of 19 groups, none the last: four lookups a group and one check a line.
            if (column == LINE && groups - group > GROUPS_PER_LINE && written + GROUPS_PER_LINE * 3 <= out.length
                    && position + lineEnd + LINE <= end) {
                checkLineEnd(position);
                int from = position + lineEnd;
                int bad = 0;
                for (int i = 0; i < GROUPS_PER_LINE; i++) {
                    int c = from + i * 4;
                    int value = values[mime[c] & 0xff] << 18 | values[mime[c + 1] & 0xff] << 12
                            | values[mime[c + 2] & 0xff] << 6 | values[mime[c + 3] & 0xff];
                    bad |= value;
                    out[written + i * 3] = (byte) (value >> 16);
                    out[written + i * 3 + 1] = (byte) (value >> 8);
                    out[written + i * 3 + 2] = (byte) value;
                }
                if (bad >= 0) {
                    written += GROUPS_PER_LINE * 3;
                    position = from + LINE;
                    group += GROUPS_PER_LINE - 1;
                    continue;
                }
                // A character that is not base64 in this line: the careful path below names it.
            }
            int value = 0;
            int padding = 0;
            for (int i = 0; i < 4; i++) {
                if (column == LINE) {
                    checkLineEnd(position);
                    position += lineEnd;
                    column = 0;
                }
                int c = mime[position++] & 0xff;
                column++;
                int v = Base64Alphabet.VALUES[c];
                if (v < 0) {
                    if (c != '=' || i < 2) {
                        throw new ProtectionException("malformed protected message: its base64 has '"
                                + (c < 0x20 || c > 0x7e ? "\\x" + Integer.toHexString(c) : String.valueOf((char) c)) + "' at byte "
                                + (position - 1));
                    }
                    padding++;
                    v = 0;
                } else if (padding > 0) {
                    throw new ProtectionException("malformed protected message: base64 continues after its padding");
                }
                value = value << 6 | v;
            }
            int bytes = 3 - padding;
            if (written + bytes > out.length) {
                throw new ProtectionException("malformed protected message: its base64 holds more than the CMS");
            }
            out[written++] = (byte) (value >> 16);
            if (bytes > 1) {
                out[written++] = (byte) (value >> 8);
            }
            if (bytes > 2) {
                out[written++] = (byte) value;
            }
            if (padding > 0 && group != groups - 1) {
                throw new ProtectionException("malformed protected message: base64 continues after its padding");
            }
        }
        return written - at;
    }

    private void checkLineEnd(int position) {
        boolean ok = lineEnd == 2 ? mime[position] == '\r' && mime[position + 1] == '\n' : mime[position] == '\n';
        if (!ok) {
            throw new ProtectionException("malformed protected message: its base64 is not in lines of " + LINE + " characters");
        }
    }

    /** The entity at [from, to): the protected part itself, or a multipart holding it; null when not found. */
    private static ProtectedMime entity(byte[] mime, int from, int to, int depth) {
        if (depth > 8) {
            return null;
        }
        Headers headers = Headers.read(mime, from, to);
        String type = headers.mediaType();
        if (type.equals(ProtectedMessage.CONTENT_TYPE)) {
            return null; // a protected part at the top or found without its multipart's end: the full path
        }
        if (!type.startsWith("multipart/") || headers.boundary() == null) {
            return null;
        }
        byte[] delimiter = ("--" + headers.boundary()).getBytes(StandardCharsets.ISO_8859_1);
        int last = lastDelimiterLine(mime, headers.bodyStart(), to, delimiter);
        int part = nextDelimiterLine(mime, headers.bodyStart(), to, delimiter);
        while (part >= 0 && part < last) {
            int partStart = afterLine(mime, part, to);
            int next = nextDelimiterLine(mime, partStart, to, delimiter, true);
            Headers partHeaders = Headers.read(mime, partStart, to);
            if (partHeaders.mediaType().equals(ProtectedMessage.CONTENT_TYPE)) {
                if (next != last || !"base64".equals(partHeaders.transferEncoding())) {
                    return null;
                }
                int bodyEnd = last;
                int lineEnd = bodyEnd >= 2 && mime[bodyEnd - 2] == '\r' ? 2 : 1;
                bodyEnd -= lineEnd; // the line end before a delimiter belongs to the delimiter
                int bodyStart = partHeaders.bodyStart();
                if (bodyEnd - bodyStart > LINE && mime[bodyStart + LINE] != (lineEnd == 2 ? '\r' : '\n')) {
                    return null;
                }
                return new ProtectedMime(mime, bodyStart, bodyEnd, lineEnd);
            }
            if (next < 0) {
                return null;
            }
            if (partHeaders.mediaType().startsWith("multipart/")) {
                ProtectedMime found = entity(mime, partStart, next, depth + 1);
                if (found != null) {
                    return found;
                }
            }
            part = next;
        }
        return null;
    }

    /**
     * The next delimiter line at or after {@code from}. With {@code stopAtProtected}, a protected
     * part's body is not searched: the search jumps to the multipart's last delimiter instead.
     */
    private static int nextDelimiterLine(byte[] mime, int from, int to, byte[] delimiter, boolean stopAtProtected) {
        if (stopAtProtected) {
            Headers headers = Headers.read(mime, from, to);
            if (headers.mediaType().equals(ProtectedMessage.CONTENT_TYPE)) {
                return lastDelimiterLine(mime, headers.bodyStart(), to, delimiter);
            }
        }
        return nextDelimiterLine(mime, from, to, delimiter);
    }

    private static int nextDelimiterLine(byte[] mime, int from, int to, byte[] delimiter) {
        for (int i = from; i <= to - delimiter.length; i++) {
            if ((i == 0 || mime[i - 1] == '\n') && matches(mime, i, delimiter)) {
                return i;
            }
        }
        return -1;
    }

    /** The last delimiter line in [from, to): the multipart's close delimiter. */
    private static int lastDelimiterLine(byte[] mime, int from, int to, byte[] delimiter) {
        for (int i = to - delimiter.length; i >= from; i--) {
            if (mime[i] == '-' && (i == 0 || mime[i - 1] == '\n') && matches(mime, i, delimiter)) {
                return i;
            }
        }
        return -1;
    }

    /** A delimiter line: the delimiter, then "--", white space or the line end (a longer boundary is another one). */
    private static boolean matches(byte[] mime, int at, byte[] delimiter) {
        for (int j = 0; j < delimiter.length; j++) {
            if (mime[at + j] != delimiter[j]) {
                return false;
            }
        }
        int after = at + delimiter.length;
        return after == mime.length || mime[after] == '\r' || mime[after] == '\n' || mime[after] == '-' || mime[after] == ' '
                || mime[after] == '\t';
    }

    private static int afterLine(byte[] mime, int from, int to) {
        for (int i = from; i < to; i++) {
            if (mime[i] == '\n') {
                return i + 1;
            }
        }
        throw new IllegalStateException("a delimiter line without an end");
    }

    /** The decoding table of base64 (RFC 4648 section 4): -1 for anything else. */
    static final class Base64Alphabet {
        static final int[] VALUES = new int[256];

        static {
            Arrays.fill(VALUES, -1);
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            for (int i = 0; i < alphabet.length(); i++) {
                VALUES[alphabet.charAt(i)] = i;
            }
        }

        private Base64Alphabet() {
        }
    }

    /** A header section: the media type (lower case, no parameters), the boundary, the transfer encoding, where the body starts. */
    private record Headers(String mediaType, String boundary, String transferEncoding, int bodyStart) {

        static Headers read(byte[] mime, int from, int to) {
            String contentType = null;
            String encoding = null;
            StringBuilder field = null;
            int position = from;
            while (true) {
                if (position >= to) {
                    throw new IllegalStateException("a header section without its blank line");
                }
                int lineEnd = position;
                while (lineEnd < to && mime[lineEnd] != '\n') {
                    lineEnd++;
                }
                int contentEnd = lineEnd > position && mime[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
                String line = new String(mime, position, contentEnd - position, StandardCharsets.ISO_8859_1);
                boolean blank = line.isEmpty();
                if (!blank && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && field != null) {
                    field.append(' ').append(line.strip());
                } else {
                    if (field != null) {
                        String text = field.toString();
                        int colon = text.indexOf(':');
                        String name = text.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                        if (name.equals("content-type") && contentType == null) {
                            contentType = text.substring(colon + 1).trim();
                        } else if (name.equals("content-transfer-encoding") && encoding == null) {
                            encoding = text.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
                        }
                    }
                    field = !blank && line.indexOf(':') > 0 ? new StringBuilder(line) : null;
                    if (!blank && field == null) {
                        throw new IllegalStateException("a header line without a name");
                    }
                }
                position = Math.min(lineEnd + 1, to);
                if (blank) {
                    break;
                }
            }
            if (contentType == null) {
                return new Headers("text/plain", null, encoding, position);
            }
            int semicolon = contentType.indexOf(';');
            String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
            return new Headers(mediaType, semicolon < 0 ? null : boundary(contentType.substring(semicolon + 1)), encoding, position);
        }

        /** The boundary parameter, quoted or not; null when absent or written in a way this reader does not take. */
        private static String boundary(String parameters) {
            for (String parameter : parameters.split(";")) {
                int equals = parameter.indexOf('=');
                if (equals < 0 || !parameter.substring(0, equals).trim().equalsIgnoreCase("boundary")) {
                    continue;
                }
                String value = parameter.substring(equals + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() || value.indexOf('"') >= 0 || value.indexOf('\\') >= 0 ? null : value;
            }
            return null;
        }
    }
}
