package org.envelopelab.cli;

/** Input the lab cannot use (a missing file, a wrong password): one line to the user, exit code 2. */
final class BadInput extends RuntimeException {

    BadInput(String message) {
        super(message);
    }
}
