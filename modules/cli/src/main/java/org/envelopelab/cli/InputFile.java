package org.envelopelab.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The checks a message file passes before a command reads it: the same for sign, encrypt, decrypt
 * and verify, so the same mistake gets the same answer (exit 2, one sentence) from each of them.
 */
final class InputFile {

    /** The most sign and verify hold in memory: four times Exchange Online's largest message (25 MB at the lab's sites). */
    static final long MOST_IN_MEMORY = 100L * 1024 * 1024;
    /** RFC 5322 2.1.1: a line is at most 998 characters, so a first header field shows within this many bytes. */
    private static final int LONGEST_LINE = 1000;

    private InputFile() {
    }

    /**
     * A regular file: a folder is not a message, and a pipe or a device ({@code /dev/zero}) can
     * block for ever or never end, so neither is opened.
     */
    static void requireRegular(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new BadInput("cannot read " + file + ": " + ExitCodes.reason(e));
        }
        if (attributes.isDirectory()) {
            throw new BadInput("cannot read " + file + ": it is a folder, not a message file");
        }
        if (!attributes.isRegularFile()) {
            throw new BadInput("cannot read " + file + ": it is not a regular file (a pipe or a device);"
                    + " save the message to a file first");
        }
    }

    static void requireAtMost(Path file, long most, String why) {
        try {
            long size = Files.size(file);
            if (size > most) {
                throw new BadInput(file + " is " + megabytes(size) + "; " + why + " and take at most " + megabytes(most));
            }
        } catch (IOException e) {
            throw new BadInput("cannot read " + file + ": " + ExitCodes.reason(e));
        }
    }

    /** The first line must be a header field ({@code Name: value}), as every RFC 5322 message begins; the stream is left where it was. */
    static void requireHeaderFirst(Path file, InputStream stream) throws IOException {
        stream.mark(LONGEST_LINE);
        byte[] head = stream.readNBytes(LONGEST_LINE);
        stream.reset();
        if (head.length == 0) {
            throw new BadInput(file + " is empty, not a message");
        }
        int at = 0;
        while (at < head.length && head[at] >= 0x21 && head[at] <= 0x7E && head[at] != ':') {
            at++;
        }
        while (at > 0 && at < head.length && (head[at] == ' ' || head[at] == '\t')) {
            at++;
        }
        if (at == 0 || at >= head.length || head[at] != ':') {
            throw new BadInput(file + " is not a message: it does not begin with a header field such as"
                    + " 'From: ...' (RFC 5322)" + (binary(head) ? "; it looks like binary data" : ""));
        }
    }

    /** A stream that fails, rather than growing without end, once it has given {@code most} bytes. */
    static InputStream bounded(InputStream stream, long most) {
        return new FilterInputStream(stream) {
            private long given;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                int read = super.read(bytes, offset, length);
                count(Math.max(read, 0));
                return read;
            }

            private void count(int read) throws IOException {
                given += read;
                if (given > most) {
                    throw new IOException("it grew past " + megabytes(most) + " while it was read");
                }
            }
        };
    }

    private static boolean binary(byte[] head) {
        for (byte b : head) {
            if (b == 0 || (b > 0 && b < 0x20 && b != '\r' && b != '\n' && b != '\t')) {
                return true;
            }
        }
        return false;
    }

    private static String megabytes(long bytes) {
        return bytes >= 1024 * 1024 ? (bytes / (1024 * 1024)) + " MB" : bytes + " bytes";
    }
}
