package org.envelopelab.smime;

import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.ParseException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The header section of a message or MIME entity, read off the front of a stream, which is left at
 * the first byte of the body. Each field keeps the bytes it arrived in (with CRLF line ends), so
 * what a signature covers stays byte for byte what was sent; values are unfolded only to be read.
 *
 * <p>S/MIME splits a message along this section: the Content-* fields describe the body and go
 * inside the protection, every other field (From, To, Subject, Date, Message-ID, ...) stays
 * outside, in the clear (RFC 8551 section 3.1).
 */
final class MessageHead {

    /** Far more than any real header section; a bound so a stream without a blank line cannot fill the heap. */
    private static final int MAXIMUM_SIZE = 1024 * 1024;
    static final byte[] CRLF = {'\r', '\n'};

    /** One header field: its name and its raw text, continuation lines included. */
    record Field(String name, byte[] raw) {

        boolean describesContent() {
            return name.toLowerCase(Locale.ROOT).startsWith("content-");
        }

        boolean isMimeVersion() {
            return name.equalsIgnoreCase("MIME-Version");
        }

        /** The value with folding removed, as RFC 5322 section 2.2.3 reads it. */
        String value() {
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            return text.substring(text.indexOf(':') + 1).replace("\r\n", "").trim();
        }
    }

    /** The bytes are not a header section: the entity starts with something else. */
    static final class NotAHeaderSection extends IOException {
        NotAHeaderSection(String message) {
            super(message);
        }
    }

    private final List<Field> fields;

    private MessageHead(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    /** Reads the header section up to and including the blank line that ends it (CRLF or bare LF). */
    static MessageHead read(InputStream in) throws IOException {
        List<Field> fields = new ArrayList<>();
        ByteArrayOutputStream field = new ByteArrayOutputStream();
        String name = null;
        int total = 0;
        while (true) {
            byte[] line = readLine(in);
            if (line == null || line.length == 0) {
                break;
            }
            total += line.length + 2;
            if (total > MAXIMUM_SIZE) {
                throw new NotAHeaderSection("the header section is larger than " + MAXIMUM_SIZE + " bytes or has no end");
            }
            boolean continuation = line[0] == ' ' || line[0] == '\t';
            if (continuation && name != null) {
                field.write(line);
                field.write(CRLF);
                continue;
            }
            if (name != null) {
                fields.add(new Field(name, field.toByteArray()));
            }
            int colon = indexOf(line, (byte) ':');
            if (colon <= 0) {
                throw new NotAHeaderSection("not a header field: '"
                        + new String(line, 0, Math.min(line.length, 60), StandardCharsets.ISO_8859_1) + "'");
            }
            name = new String(line, 0, colon, StandardCharsets.ISO_8859_1).trim();
            field.reset();
            field.write(line);
            field.write(CRLF);
        }
        if (name != null) {
            fields.add(new Field(name, field.toByteArray()));
        }
        return new MessageHead(fields);
    }

    List<Field> fields() {
        return fields;
    }

    /** The unfolded value of the first field with this name, or null. */
    String value(String name) {
        return fields.stream().filter(field -> field.name().equalsIgnoreCase(name)).findFirst().map(Field::value).orElse(null);
    }

    boolean has(String name) {
        return value(name) != null;
    }

    /** The Content-Type, with RFC 2045's default (text/plain; charset=us-ascii) when there is none. */
    ContentType contentType() throws IOException {
        String value = value("Content-Type");
        try {
            return new ContentType(value == null ? "text/plain; charset=us-ascii" : value);
        } catch (ParseException e) {
            throw new IOException("the Content-Type '" + value + "' cannot be read: " + e.getMessage(), e);
        }
    }

    /** The Content-Transfer-Encoding, lower-cased; "7bit" when there is none (RFC 2045 section 6.1). */
    String transferEncoding() {
        String value = value("Content-Transfer-Encoding");
        return value == null ? "7bit" : value.toLowerCase(Locale.ROOT);
    }

    /** Writes every field as it arrived, followed by the blank line that ends the section. */
    void write(OutputStream out) throws IOException {
        for (Field field : fields) {
            out.write(field.raw());
        }
        out.write(CRLF);
    }

    /** Writes the fields that stay outside the protection, then MIME-Version. */
    void writeOuter(OutputStream out) throws IOException {
        for (Field field : fields) {
            if (!field.describesContent() && !field.isMimeVersion()) {
                out.write(field.raw());
            }
        }
        out.write("MIME-Version: 1.0\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The header section at the start of a decrypted or signed entity, or null when the entity does
     * not start with one (then the stream is back where it was). The stream must support mark.
     */
    static MessageHead readEntityHead(InputStream entity) throws IOException {
        entity.mark(MAXIMUM_SIZE + 2);
        try {
            return read(entity);
        } catch (NotAHeaderSection notOne) {
            entity.reset();
            return null;
        }
    }

    /**
     * Writes the header section of a message made of these outer fields and an entity with the
     * given header section (null: none), ending with the blank line. The entity's fields win:
     * software that protects a whole message (OpenSSL does, with {@code -in note.eml}) puts its
     * From, To, Subject and MIME-Version inside, and the protected copy is the one to show; the
     * outer fields it does not have stay, and MIME-Version appears once.
     */
    void writeAround(MessageHead entity, OutputStream out) throws IOException {
        if (entity == null) {
            writeOuter(out);
            return;
        }
        Set<String> inside = new HashSet<>();
        entity.fields.forEach(field -> inside.add(field.name().toLowerCase(Locale.ROOT)));
        for (Field field : fields) {
            if (!field.describesContent() && !field.isMimeVersion() && !inside.contains(field.name().toLowerCase(Locale.ROOT))) {
                out.write(field.raw());
            }
        }
        out.write("MIME-Version: 1.0\r\n".getBytes(StandardCharsets.US_ASCII));
        for (Field field : entity.fields) {
            if (!field.isMimeVersion()) {
                out.write(field.raw());
            }
        }
        out.write(CRLF);
    }

    /** Writes the Content-* fields: the header of the entity that goes inside the protection. */
    void writeContent(OutputStream out) throws IOException {
        for (Field field : fields) {
            if (field.describesContent()) {
                out.write(field.raw());
            }
        }
    }

    /** A line without its line end, or null at the end of the stream. */
    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(80);
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n') {
            line.write(b);
            if (line.size() > MAXIMUM_SIZE) {
                throw new NotAHeaderSection("a header line is longer than " + MAXIMUM_SIZE + " bytes");
            }
            b = in.read();
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
