package org.envelopelab.scenario.judge;

import org.envelopelab.people.evidence.Access;
import org.envelopelab.people.evidence.Party;
import org.envelopelab.service.message.ShownName;

import java.util.List;

/**
 * What one party could read of one message, judged from every piece of evidence about it: the
 * most it could read of each part (once read, a thing stays read), the secrets it saw, and how its
 * access went over time ("read at step 9; refused at step 21: This message expired ...").
 *
 * @param party           who
 * @param headers         the most it could read of the headers
 * @param body            of the body
 * @param attachments     of the attachments
 * @param attachmentNames the file names it could see
 * @param secrets         the labels of the secrets it could read, sorted
 * @param history         its evidence in order, in words; empty when there is none
 * @param why             one or two sentences on why, for people
 */
public record Verdict(Party party, Access headers, Access body, Access attachments, List<String> attachmentNames,
                      List<String> secrets, String history, String why) {

    public Verdict {
        attachmentNames = attachmentNames.stream().map(ShownName::of).toList();
        secrets = List.copyOf(secrets);
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

    /** Whether the party ever held a copy, or was ever shown one. */
    public boolean held() {
        return headers != Access.NEVER;
    }
}
