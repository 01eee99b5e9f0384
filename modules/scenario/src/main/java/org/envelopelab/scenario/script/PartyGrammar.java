package org.envelopelab.scenario.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.envelopelab.scenario.script.PartyRef.Kind;
import org.envelopelab.scenario.script.World.Person;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads who a party is, as expect steps name them: {@code sender}, {@code service},
 * {@code wire}, {@code mailbox of <person>}, {@code thief of <person>} (whoever holds their
 * mailbox) or {@code <person>} (reading as a recipient, a forwardee, or with only the link).
 */
final class PartyGrammar {

    private static final List<String> KEYWORDS = List.of("sender", "service", "wire");
    private static final String MAILBOX_OF = "mailbox of ";
    private static final String THIEF_OF = "thief of ";

    private final NodeReader reader;
    private final Roster roster;

    PartyGrammar(NodeReader reader, Roster roster) {
        this.reader = reader;
        this.roster = roster;
    }

    Optional<PartyRef> parse(ScalarNode node) {
        String party = node.getValue().trim().replaceAll("\\s+", " ");
        switch (party) {
            case "sender":
                return Optional.of(PartyRef.of(Kind.SENDER));
            case "service":
                return Optional.of(PartyRef.of(Kind.SERVICE));
            case "wire":
                return Optional.of(PartyRef.of(Kind.WIRE));
            default:
                break;
        }
        if (party.startsWith(MAILBOX_OF)) {
            // Any address will do: the mailbox of a recipient who does not exist is a bounce lesson's subject.
            return roster.anyAddress(party.substring(MAILBOX_OF.length()), node)
                    .map(address -> new PartyRef(Kind.MAILBOX, address));
        }
        if (party.startsWith(THIEF_OF)) {
            return roster.personAddress(party.substring(THIEF_OF.length()), node)
                    .map(address -> new PartyRef(Kind.THIEF, address));
        }
        Optional<Person> person = roster.find(party);
        if (person.isPresent()) {
            return Optional.ofNullable(person.get().address()).map(address -> new PartyRef(Kind.RECIPIENT, address));
        }
        if (party.contains("@")) {
            return roster.anyAddress(party, node).map(address -> new PartyRef(Kind.RECIPIENT, address));
        }
        String listing = "parties: sender, service, wire, mailbox of <person>, thief of <person>, or a person: "
                + String.join(", ", roster.ids());
        List<String> suggestions = new ArrayList<>(KEYWORDS);
        suggestions.addAll(roster.ids());
        reader.report(node, Spelling.unknown("unknown party '" + party + "'", party, suggestions, listing));
        return Optional.empty();
    }
}
