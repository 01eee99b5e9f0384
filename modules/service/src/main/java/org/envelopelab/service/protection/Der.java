package org.envelopelab.service.protection;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * DER by hand where Bouncy Castle's objects would copy the message. The small structures of a
 * protected message (the recipient, the algorithm, the attributes) are encoded with Bouncy
 * Castle into buffers of about the right size ({@link #encode}: its {@code getEncoded} grows a
 * small buffer and copies at every doubling); the headers around the encrypted content are
 * written and read here ({@link #writeHeader}, {@link #header}), so the content itself is
 * encrypted, hashed and decrypted where it lies, never wrapped in an object or copied.
 */
final class Der {

    static final int SEQUENCE = 0x30;
    static final int SET = 0x31;
    static final int OCTET_STRING = 0x04;
    static final int INTEGER = 0x02;
    static final int OBJECT_IDENTIFIER = 0x06;

    private Der() {
    }

    static byte[] encode(ASN1Encodable encodable, int expectedLength) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(expectedLength);
        try {
            ASN1OutputStream.create(out, ASN1Encoding.DER).writeObject(encodable);
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding failed: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** The length of a tag and its DER length octets, for a value of this length. */
    static int headerLength(int valueLength) {
        if (valueLength < 0x80) {
            return 2;
        }
        return 2 + (32 - Integer.numberOfLeadingZeros(valueLength) + 7) / 8;
    }

    /** Writes a one-byte tag and a DER length at {@code at}; returns where the value starts. */
    static int writeHeader(byte[] out, int at, int tag, int valueLength) {
        out[at++] = (byte) tag;
        if (valueLength < 0x80) {
            out[at++] = (byte) valueLength;
            return at;
        }
        int octets = headerLength(valueLength) - 2;
        out[at++] = (byte) (0x80 | octets);
        for (int shift = (octets - 1) * 8; shift >= 0; shift -= 8) {
            out[at++] = (byte) (valueLength >>> shift);
        }
        return at;
    }

    /** Writes a header to a stream. */
    static void writeHeader(OutputStream out, int tag, int valueLength) throws IOException {
        byte[] header = new byte[headerLength(valueLength)];
        writeHeader(header, 0, tag, valueLength);
        out.write(header);
    }

    /**
     * One element's tag and length read at {@code at}: only DER's definite lengths (up to four
     * length octets) and one-byte tags, and the value must end by {@code limit}.
     *
     * @param start      where the tag is
     * @param valueStart where the value begins
     * @param length     how long the value is
     */
    record Header(int tag, int start, int valueStart, int length) {

        int end() {
            return valueStart + length;
        }

        /** The whole element, tag and length included. */
        int encodedLength() {
            return end() - start;
        }
    }

    static Header header(byte[] in, int at, int limit) {
        if (at + 2 > limit) {
            throw malformed("an element is cut off at byte " + at);
        }
        int tag = in[at] & 0xff;
        if ((tag & 0x1f) == 0x1f) {
            throw malformed("a multi-byte tag at byte " + at);
        }
        int first = in[at + 1] & 0xff;
        int valueStart = at + 2;
        long length;
        if (first < 0x80) {
            length = first;
        } else {
            int octets = first & 0x7f;
            if (octets == 0 || octets > 4 || valueStart + octets > limit) {
                throw malformed("a length that is not DER at byte " + at);
            }
            length = 0;
            for (int i = 0; i < octets; i++) {
                length = (length << 8) | (in[valueStart++] & 0xff);
            }
            if (length < 0x80 || headerLength((int) Math.min(length, Integer.MAX_VALUE)) != 2 + octets) {
                throw malformed("a length that is not DER at byte " + at);
            }
        }
        if (length > limit - valueStart) {
            throw malformed("an element at byte " + at + " is longer than what holds it");
        }
        return new Header(tag, at, valueStart, (int) length);
    }

    /** Reads a header and checks its tag. */
    static Header header(byte[] in, int at, int limit, int tag, String what) {
        Header header = header(in, at, limit);
        if (header.tag() != tag) {
            throw malformed(what + " has tag 0x" + Integer.toHexString(header.tag()) + ", not 0x" + Integer.toHexString(tag));
        }
        return header;
    }

    private static ProtectionException malformed(String why) {
        return new ProtectionException("malformed protected message: " + why);
    }
}
