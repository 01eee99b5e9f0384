package org.envelopelab.smime;

import java.io.IOException;

/**
 * The decrypted content is not what the sender encrypted: the GCM tag does not match. It is an
 * IOException because it surfaces while the content stream is read, through Bouncy Castle's
 * stream classes; the lab turns it into a {@link SmimeException} with the same sentence.
 */
final class TamperedContentException extends IOException {

    TamperedContentException(String message) {
        super(message);
    }
}
