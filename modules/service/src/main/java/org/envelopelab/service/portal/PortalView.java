package org.envelopelab.service.portal;

import org.envelopelab.service.message.Attachment;
import org.envelopelab.service.rights.Right;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A protected message as the portal shows it to a signed-in outside recipient.
 *
 * @param subject     the subject
 * @param from        the sender, "Name &lt;address&gt;"
 * @param sentAt      when it was sent, or null when the message has no Date
 * @param text        the plain-text body, or ""
 * @param html        the HTML body, or "" — the sender's markup: render it sandboxed, never inline
 * @param attachments the attached files, in order; {@link PortalApi#download} takes the index
 * @param rights      what the recipient may do: the page offers only these actions
 * @param expires     when portal access ends, or null for never
 */
public record PortalView(String subject, String from, Instant sentAt, String text, String html,
                         List<Attachment> attachments, Set<Right> rights, Instant expires) {

    public PortalView {
        attachments = List.copyOf(attachments);
        EnumSet<Right> granted = EnumSet.noneOf(Right.class);
        granted.addAll(rights);
        rights = Collections.unmodifiableSet(granted);
    }
}
