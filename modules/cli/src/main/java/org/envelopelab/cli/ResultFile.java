package org.envelopelab.cli;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;

/**
 * Where a command writes its result: standard output, or a file that appears only when the command
 * succeeded. The file is written beside its final name and moved there at the end, so a failed
 * command leaves neither a partial nor an empty file, and an existing file is replaced whole or not at all.
 */
final class ResultFile implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path target;
    private final Path temporary;
    private final OutputStream stream;
    private boolean kept;

    private ResultFile(Path target, Path temporary, OutputStream stream) {
        this.target = target;
        this.temporary = temporary;
        this.stream = stream;
    }

    /** Standard output when {@code target} is null, else a file there. */
    static ResultFile at(Path target) {
        if (target == null) {
            return new ResultFile(null, null, new FilterOutputStream(System.out) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                }

                @Override
                public void close() throws IOException {
                    flush(); // standard output stays open
                }
            });
        }
        try {
            Path folder = target.toAbsolutePath().getParent();
            // Not Files.createTempFile: that makes the file readable by its owner only, and the result should
            // get the permissions any new file gets here.
            String name = "." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".part";
            Path temporary = Files.createFile(folder.resolve(name));
            return new ResultFile(target, temporary, new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16));
        } catch (IOException e) {
            throw new BadInput("cannot write " + target + ": " + ExitCodes.reason(e));
        }
    }

    OutputStream stream() {
        return stream;
    }

    /** The command succeeded: the file takes its name. */
    void keep() throws IOException {
        stream.close();
        if (temporary != null) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        kept = true;
    }

    /** Without {@link #keep()} the file never appears. */
    @Override
    public void close() throws IOException {
        if (!kept) {
            try {
                stream.close();
            } finally {
                if (temporary != null) {
                    Files.deleteIfExists(temporary);
                }
            }
        }
    }
}
