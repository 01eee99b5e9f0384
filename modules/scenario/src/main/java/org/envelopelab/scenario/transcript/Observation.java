package org.envelopelab.scenario.transcript;

import org.envelopelab.service.message.ShownName;

import java.util.List;

/**
 * What one party could read of one message, and why — the lab's unit of evidence. Each is
 * derived from the bytes that party actually held (the submitted message at the service, the
 * bytes relayed between servers, the copy in the store, the copy a client downloaded), never
 * from what the lab intended to happen.
 *
 * @param message         the scenario's id for the message
 * @param party           who
 * @param held            whether the party ever held a copy; when false every item is ABSENT
 * @param headers         whether it could read the headers (From, To, Subject...)
 * @param body            whether it could read the body text
 * @param attachments     whether it could read the attachments (ABSENT when there are none)
 * @param attachmentNames the file names it could see, as {@link ShownName} shows them
 * @param secretsSeen     the labels of the scenario's secrets found in what it could read
 * @param why             one or two sentences on why, for people
 */
public record Observation(String message, Party party, boolean held, Readability headers, Readability body,
                          Readability attachments, List<String> attachmentNames, List<String> secretsSeen, String why) {

    public Observation {
        // File names are the sender's choice, printed in the reports: as written, never reordered by bidi controls.
        attachmentNames = attachmentNames.stream().map(ShownName::of).toList();
        secretsSeen = List.copyOf(secretsSeen);
    }

    /** An observation for a party that never held the message. */
    public static Observation notHeld(String message, Party party, String why) {
        return new Observation(message, party, false, Readability.ABSENT, Readability.ABSENT, Readability.ABSENT,
                List.of(), List.of(), why);
    }

    /**
     * Whether the party could read an item, as scenario scripts name items: "headers", "body",
     * "attachments", or a secret's label.
     */
    public boolean canRead(String item) {
        return switch (item) {
            case "headers" -> headers == Readability.READABLE;
            case "body" -> body == Readability.READABLE;
            case "attachments" -> attachments == Readability.READABLE;
            default -> secretsSeen.contains(item);
        };
    }
}
