package org.envelopelab.routes.ledger;

import org.envelopelab.transport.Envelope;

import java.util.List;
import java.util.Map;

/**
 * Everything the transport knows about one message: what it accepted (which is also what the
 * sender's mail service could read), every transfer between servers, each recipient's outcome,
 * and the reports it sent back.
 *
 * @param accepted the message as it entered the transport
 * @param relays   the transfers between servers, in order
 * @param outcomes each recipient's outcome, in envelope order
 * @param reports  the ids of non-delivery reports sent for this message
 */
public record Journey(Envelope accepted, List<Relay> relays, Map<String, Outcome> outcomes, List<String> reports) {

    public boolean settled() {
        return outcomes.values().stream().noneMatch(outcome -> outcome.disposition() == Disposition.PENDING);
    }

    public List<String> recipients(Disposition disposition) {
        return outcomes.entrySet().stream()
                .filter(entry -> entry.getValue().disposition() == disposition)
                .map(Map.Entry::getKey)
                .toList();
    }
}
