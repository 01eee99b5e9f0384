package org.envelopelab.knowledge.proof;

import java.util.List;
import java.util.Optional;

import org.envelopelab.people.evidence.Party;

/**
 * A party as claims name it, like a scenario's {@code expect} steps: {@code sender},
 * {@code service} (the organization's mail service), {@code service of <domain>}, {@code wire}
 * (every leg that carried the message), {@code mailbox of <person>}, {@code thief of <person>}
 * (whoever holds that mailbox) or {@code <person>} (reading as a recipient, a forwardee, or with
 * only the link).
 *
 * @param kind    which kind
 * @param who     the address (mailbox, thief, person) or domain (service); empty for sender and wire
 * @param written as the claim wrote it
 */
public record PartyName(Kind kind, String who, String written) {

    public enum Kind { SENDER, SERVICE, WIRE, MAILBOX, THIEF, PERSON }

    /** Whether a party of the judge's tables is this one. */
    public boolean matches(Party party) {
        return switch (kind) {
            case SENDER -> party.kind() == Party.Kind.SENDER;
            case SERVICE -> party.kind() == Party.Kind.SERVICE && party.who().equalsIgnoreCase(who);
            case WIRE -> party.kind() == Party.Kind.WIRE && !party.carriedJournalCopy();
            case MAILBOX -> party.kind() == Party.Kind.MAILBOX && party.who().equalsIgnoreCase(who);
            case THIEF -> party.kind() == Party.Kind.THIEF && party.who().equalsIgnoreCase(who);
            case PERSON -> List.of(Party.Kind.RECIPIENT, Party.Kind.FORWARDEE, Party.Kind.LINK_HOLDER).contains(party.kind())
                    && party.who().equalsIgnoreCase(who);
        };
    }

    /** The grammar, for messages. */
    static final String GRAMMAR = "sender, service, service of <domain>, wire, mailbox of <person>, thief of <person>, or a person";

    static Optional<String> keyword(String written) {
        return Optional.ofNullable(switch (written) {
            case "sender", "wire", "service" -> written;
            default -> null;
        });
    }
}
