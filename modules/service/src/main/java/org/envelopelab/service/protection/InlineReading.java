package org.envelopelab.service.protection;

import org.envelopelab.service.rights.Right;

import java.util.Set;

/**
 * A protected message as a same-tenant reader's client holds it once the service has licensed it:
 * the decrypted original and the license whose rights the client enforces.
 *
 * @param original the original RFC 5322 message
 * @param license  the reader's use license
 */
public record InlineReading(byte[] original, UseLicense license) {

    public InlineReading {
        original = original.clone();
    }

    @Override
    public byte[] original() {
        return original.clone();
    }

    public Set<Right> rights() {
        return license.rights();
    }

    public String reader() {
        return license.reader();
    }
}
