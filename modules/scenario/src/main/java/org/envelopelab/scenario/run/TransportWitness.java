package org.envelopelab.scenario.run;

import org.envelopelab.mailnet.MailWorld;
import org.envelopelab.mailnet.SiteKind;
import org.envelopelab.people.evidence.Followed;
import org.envelopelab.people.evidence.Party;
import org.envelopelab.people.evidence.Sight;
import org.envelopelab.people.evidence.Through;
import org.envelopelab.people.evidence.Timeline;
import org.envelopelab.routes.ledger.Disposition;
import org.envelopelab.routes.ledger.Journey;
import org.envelopelab.routes.ledger.Ledger;
import org.envelopelab.routes.ledger.Outcome;
import org.envelopelab.routes.ledger.Relay;
import org.envelopelab.transport.Envelope;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Appends to the timeline what the transport's side of the world held of each followed
 * message, from the transport's ledger: the mail service it entered (what the rules saw), each
 * wire leg (SMTP without TLS), the receiving organizations' services, each mailbox it was stored
 * in, and each recipient it never reached. A journey is recorded once it has settled, stamped
 * with the step that sent the message, so every run writes the same timeline.
 */
final class TransportWitness {

    private final Ledger ledger;
    private final MailWorld mail;
    private final Timeline timeline;
    private final Set<String> recorded = new HashSet<>();

    TransportWitness(Ledger ledger, MailWorld mail, Timeline timeline) {
        this.ledger = ledger;
        this.mail = mail;
        this.timeline = timeline;
    }

    void look() {
        for (Followed message : timeline.messages()) {
            for (Journey journey : ledger.journeys(message.messageId())) {
                if (journey.settled() && recorded.add(journey.accepted().id())) {
                    record(message, journey);
                }
            }
        }
    }

    private void record(Followed message, Journey journey) {
        Envelope accepted = journey.accepted();
        boolean journal = accepted.kind() == Envelope.Kind.JOURNAL;
        int step = message.step();
        if (!journal) {
            Sight sight = Sight.of(accepted.content());
            Instant at = journey.outcomes().values().stream().map(Outcome::at).min(Comparator.naturalOrder())
                    .orElse(Instant.EPOCH);
            timeline.held(step, at, Party.service(accepted.origin()), message.messageId(), sight, through(sight),
                    "the transport at " + accepted.origin() + " received " + sight.form() + (sight.encrypted()
                            ? ": it could not read the body, so content rules could not apply"
                            : ": it, and every mail flow rule, could read it all"));
        }
        List<Relay> relays = journey.relays().stream()
                .sorted(Comparator.comparing(Relay::to).thenComparing(Relay::from)).toList();
        for (Relay relay : relays) {
            relayed(message, relay, journal, accepted.origin());
        }
        for (Map.Entry<String, Outcome> outcome : journey.outcomes().entrySet()) {
            Disposition disposition = outcome.getValue().disposition();
            if (disposition == Disposition.BOUNCED || disposition == Disposition.DEAD_LETTERED) {
                String reason = (disposition == Disposition.BOUNCED ? "bounced (" : "dead-lettered (")
                        + outcome.getValue().detail() + ")";
                for (Party party : List.of(Party.mailbox(outcome.getKey()), Party.recipient(outcome.getKey()))) {
                    timeline.missed(step, outcome.getValue().at(), party, message.messageId(), reason, "never received it: " + reason);
                }
            }
        }
    }

    private void relayed(Followed message, Relay relay, boolean journal, String origin) {
        Sight sight = Sight.of(relay.content());
        int step = message.step();
        Party wire = journal ? Party.journalWire(relay.from(), relay.to()) : Party.wire(relay.from(), relay.to());
        timeline.held(step, relay.at(), wire, message.messageId(), sight, through(sight), "SMTP from " + relay.from() + " to "
                + relay.to() + " without TLS carried " + sight.form() + ": anyone on the network path reads what is in the clear");
        boolean otherOrganization = !relay.to().equals(origin) && mail.directory().siteFor(relay.to())
                .map(site -> site.kind() == SiteKind.ORGANIZATION).orElse(false);
        if (otherOrganization && !journal) {
            timeline.held(step, relay.at(), Party.service(relay.to()), message.messageId(), sight, through(sight),
                    relay.to() + "'s mail service received " + sight.form() + " from " + relay.from()
                            + (sight.encrypted() ? ": it cannot read the body" : ": it, and its rules, could read it all"));
        }
        for (String recipient : relay.recipients()) {
            if (journal) {
                timeline.held(step, relay.at(), Party.mailbox(recipient), message.messageId(), sight, Through.SERVICE_KEY,
                        "the service's journal copy, decrypted by the service itself and stored at " + relay.to() + ": "
                                + sight.form() + ". The service can read what it protects");
            } else {
                timeline.held(step, relay.at(), Party.mailbox(recipient), message.messageId(), sight, through(sight),
                        "stored at " + relay.to() + " as " + sight.form()
                                + ": the provider, and anyone who copies its store, reads what is in the clear");
            }
        }
    }

    private static Through through(Sight sight) {
        return switch (sight.format()) {
            case WRAPPER -> Through.WRAPPER_ONLY;
            default -> sight.encrypted() ? Through.CIPHERTEXT : Through.PLAINTEXT;
        };
    }
}
