package org.envelopelab.notebook;

/** A notebook that cannot be run as written: one sentence, {@code file:line: ...}. */
public final class NotebookException extends Exception {

    public NotebookException(String message) {
        super(message);
    }
}
