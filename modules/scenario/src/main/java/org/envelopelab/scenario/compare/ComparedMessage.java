package org.envelopelab.scenario.compare;

import org.envelopelab.scenario.script.Step;

/**
 * One message of a scenario as a comparison sends it down every path: a send of the script, or a
 * reply a recipient wrote (in the portal, in the script) to one of those.
 *
 * @param send      the message: its id, writer, recipients, texts, files and secrets
 * @param inReplyTo the id of the message it answers, or null for a message that starts a conversation
 */
record ComparedMessage(Step.Send send, String inReplyTo) {

    boolean reply() {
        return inReplyTo != null;
    }
}
