package org.envelopelab.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** What {@code lab} tells the shell, and the one line it tells the user. */
final class ExitCodes {

    static final int OK = 0;
    /** An expectation failed; for {@code lab smime}: the message did not pass (not verified, cannot be decrypted). */
    static final int EXPECTATION_FAILED = 1;
    static final int INVALID_INPUT = 2;
    static final int LAB_FAILED = 3;
    /** {@code lab smime verify} without --ca: the signature matches, but nobody the user trusts vouched for the signer. */
    static final int SIGNER_NOT_VOUCHED_FOR = 4;

    private ExitCodes() {
    }

    /** Why a file could not be read or written, in words: the JDK names only the path for the common cases. */
    static String reason(IOException failure) {
        if (failure instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (failure instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (failure instanceof FileAlreadyExistsException) {
            return "it already exists";
        }
        if (failure instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return failure.getMessage() == null ? "it failed" : failure.getMessage().strip().lines().findFirst().orElse("it failed");
    }

    /** Text from the user, with line breaks and control characters escaped, so a message stays on one line. */
    static String printable(String text) {
        return org.envelopelab.scenario.script.Problem.oneLine(text);
    }

    /** The innermost cause's message, on one line — what a student needs, without a stack trace. */
    static String oneLine(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return printable(message.strip().lines().findFirst().orElse(root.getClass().getSimpleName()));
    }
}
