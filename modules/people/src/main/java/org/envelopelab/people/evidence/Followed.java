package org.envelopelab.people.evidence;

import java.util.List;
import java.util.Map;

/**
 * A message the timeline follows: the scenario's id for it, its Message-ID, who wrote it, where
 * it entered the transport, who it went to, the secrets to look for in what each party could
 * read, and whether anything was attached.
 *
 * @param id             the scenario's id, e.g. "statement"
 * @param messageId      the Message-ID header, angle brackets included
 * @param from           who wrote it
 * @param origin         the domain whose transport it entered: the sender's own, or the
 *                       organization's for a reply written in its portal
 * @param recipients     everyone it was addressed to
 * @param secrets        sensitive values in it, by label
 * @param hasAttachments whether files were attached
 * @param step           the step that sent it
 * @param forwarded      whether this is a forward of the message {@code id} names: its recipients are
 *                       forwardees, and what they read of it is what they read of the original
 */
public record Followed(String id, String messageId, String from, String origin, List<String> recipients,
                       Map<String, String> secrets, boolean hasAttachments, int step, boolean forwarded) {

    public Followed {
        recipients = List.copyOf(recipients);
        secrets = Map.copyOf(secrets);
    }

    public Followed(String id, String messageId, String from, String origin, List<String> recipients,
                    Map<String, String> secrets, boolean hasAttachments, int step) {
        this(id, messageId, from, origin, recipients, secrets, hasAttachments, step, false);
    }

    /** The same message travelling again as a forward to new recipients, under its own Message-ID. */
    public Followed forwardedAs(String forwardId, String by, String byOrigin, List<String> to, int atStep) {
        return new Followed(id, forwardId, by, byOrigin, to, secrets, hasAttachments, atStep, true);
    }
}
