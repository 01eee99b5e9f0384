package org.envelopelab.people.evidence;

import org.envelopelab.service.message.ShownName;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the timeline: at one step and lab time, what one party could read of one message
 * and through what, or that it was refused (and why), or that it never got the message. Each is
 * worked out from what the party really held or was shown, never from what the lab meant to
 * happen. The judge turns a timeline into the who-could-read-what table.
 *
 * @param step            the scenario step during which it was recorded (1-based)
 * @param at              the lab clock then
 * @param message         the scenario's id for the message
 * @param party           who
 * @param outcome         held a copy, was refused, or missed it
 * @param headers         what it could read of the headers (HELD only; otherwise NEVER)
 * @param body            of the body
 * @param attachments     of the attachments
 * @param attachmentNames the file names it could see, as {@link ShownName} shows them (no bidi or control characters)
 * @param secrets         the labels of the scenario's secrets it could read
 * @param through         how it held or read it (HELD only; otherwise null)
 * @param reason          why it was refused or missed it (REFUSED and MISSED only; otherwise empty)
 * @param detail          one or two sentences for people
 */
public record Evidence(int step, Instant at, String message, Party party, Outcome outcome, Access headers,
                       Access body, Access attachments, List<String> attachmentNames, List<String> secrets,
                       Through through, String reason, String detail) {

    /** What happened to the party. */
    public enum Outcome {
        /** It held a copy (or was shown one); the access fields say what it could read. */
        HELD,
        /** It asked to read the message and was refused: revoked, expired, no use license. */
        REFUSED,
        /** The message never reached it: bounced, dead-lettered. */
        MISSED
    }

    public Evidence {
        attachmentNames = attachmentNames.stream().map(ShownName::of).toList();
        secrets = List.copyOf(secrets);
        reason = reason == null ? "" : reason;
    }

    /** Whether the party could read an item as scenarios name them: headers, body, attachments or a secret's label. */
    public boolean canRead(String item) {
        return switch (item) {
            case "headers" -> headers == Access.READABLE;
            case "body" -> body == Access.READABLE;
            case "attachments" -> attachments == Access.READABLE;
            default -> secrets.contains(item);
        };
    }
}
