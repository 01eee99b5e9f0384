package org.envelopelab.service.protection;

import org.envelopelab.service.rights.Right;

/**
 * A reader tried something their use license does not grant. The sentence names the template, the
 * person and the act: "Do Not Forward: Bob Brown may not forward this message".
 */
public final class RightsException extends RuntimeException {

    private final Right missing;

    public RightsException(String template, String readerName, Right missing, String act) {
        super(template + ": " + readerName + " may not " + act + " this message");
        this.missing = missing;
    }

    /** The right the license would have needed. */
    public Right missing() {
        return missing;
    }
}
