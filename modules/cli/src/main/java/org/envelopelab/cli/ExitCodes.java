package org.envelopelab.cli;

/** What {@code lab} tells the shell. */
final class ExitCodes {

    static final int OK = 0;
    static final int EXPECTATION_FAILED = 1;
    static final int INVALID_INPUT = 2;
    static final int LAB_FAILED = 3;

    private ExitCodes() {
    }

    /** The innermost cause's message, on one line — what a student needs, without a stack trace. */
    static String oneLine(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.strip().lines().findFirst().orElse(root.getClass().getSimpleName());
    }
}
