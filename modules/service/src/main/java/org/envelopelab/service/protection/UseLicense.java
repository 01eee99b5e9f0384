package org.envelopelab.service.protection;

import org.envelopelab.service.rights.Right;

import javax.crypto.SecretKey;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the service gives one authenticated reader of one message: the content key and the rights
 * the reader's client must enforce. Issued only after the service has checked its policy MAC, that
 * the reader is the sender or an original recipient, and — in the portal — that the message is
 * neither revoked nor expired.
 *
 * @param messageId  the message it opens
 * @param reader     whom it was issued to
 * @param template   the rights template's name, for the sentences a client shows
 * @param rights     what the reader may do
 * @param contentKey the message's AES-256 content key
 * @param issued     when
 */
public record UseLicense(String messageId, String reader, String template, Set<Right> rights, SecretKey contentKey,
                         Instant issued) {

    public UseLicense {
        EnumSet<Right> granted = EnumSet.noneOf(Right.class);
        granted.addAll(rights);
        rights = Collections.unmodifiableSet(granted);
    }

    public boolean allows(Right right) {
        return rights.contains(right);
    }

    /** Leaves the key out: licenses end up in logs and test reports. */
    @Override
    public String toString() {
        return "UseLicense[" + messageId + " for " + reader + ", " + template + ", " + rights + ", issued " + issued + "]";
    }
}
