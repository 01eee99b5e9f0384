package org.envelopelab.scenario.judge;

import org.envelopelab.people.evidence.Access;
import org.envelopelab.people.evidence.Evidence;
import org.envelopelab.people.evidence.Followed;
import org.envelopelab.people.evidence.Party;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the evidence about one message into its who-could-read-what table: one {@link Verdict}
 * per party, in a fixed order (the sender, the mail service it entered, each wire leg, the other
 * organizations' services, then each recipient's mailbox and the recipient, then anyone else the
 * evidence names, such as a journal mailbox). A pure function: the same evidence gives the same
 * table, and nothing here looks at the world.
 */
public final class Judge {

    private Judge() {
    }

    public static List<Verdict> judge(Followed message, List<Evidence> evidence) {
        Map<Party, List<Evidence>> byParty = new LinkedHashMap<>();
        for (Evidence entry : evidence) {
            if (entry.message().equals(message.id())) {
                byParty.computeIfAbsent(entry.party(), party -> new ArrayList<>()).add(entry);
            }
        }
        List<Verdict> table = new ArrayList<>();
        for (Party party : cast(message, byParty.keySet())) {
            table.add(verdict(party, byParty.getOrDefault(party, List.of()), byParty));
        }
        return table;
    }

    /**
     * Who belongs in the table, in order: the expected parties first, then whoever else the
     * evidence names (a journal mailbox, forwardees, thieves, people with only the link).
     */
    private static List<Party> cast(Followed message, Set<Party> named) {
        Set<Party> cast = new LinkedHashSet<>();
        cast.add(Party.sender(message.from()));
        cast.add(Party.service(message.origin()));
        List<Party> wires = named.stream().filter(party -> party.kind() == Party.Kind.WIRE).toList();
        cast.addAll(wires.isEmpty() ? List.of(NO_WIRE) : wires);
        named.stream().filter(party -> party.kind() == Party.Kind.SERVICE).forEach(cast::add);
        for (String recipient : message.recipients()) {
            cast.add(Party.mailbox(recipient));
            cast.add(Party.recipient(recipient));
        }
        cast.addAll(named);
        return List.copyOf(cast);
    }

    /** The wire's row when no transfer between servers took place at all. */
    static final Party NO_WIRE = new Party(Party.Kind.WIRE, "", "wire");

    private static Verdict verdict(Party party, List<Evidence> entries, Map<Party, List<Evidence>> all) {
        Access headers = Access.NEVER;
        Access body = Access.NEVER;
        Access attachments = Access.NEVER;
        Set<String> names = new LinkedHashSet<>();
        Set<String> secrets = new TreeSet<>();
        Evidence telling = null;
        for (Evidence entry : entries) {
            if (entry.outcome() != Evidence.Outcome.HELD) {
                continue;
            }
            headers = headers.orBetter(entry.headers());
            body = body.orBetter(entry.body());
            attachments = attachments.orBetter(entry.attachments());
            names.addAll(entry.attachmentNames());
            secrets.addAll(entry.secrets());
            if (telling == null || entry.body() == body) {
                telling = entry; // the latest entry that reached the most of the body says why
            }
        }
        String why = telling != null ? telling.detail()
                : entries.isEmpty() ? absent(party, all) : entries.get(entries.size() - 1).detail();
        return new Verdict(party, headers, body, attachments, List.copyOf(names), List.copyOf(secrets),
                History.of(entries), why);
    }

    /** Why a party with no evidence at all is in the table. */
    private static String absent(Party party, Map<Party, List<Evidence>> all) {
        return switch (party.kind()) {
            case SENDER -> "never held it: it did not leave from their own mail client";
            case SERVICE -> "the message never reached its transport";
            case WIRE -> "no transfer between servers took place";
            case MAILBOX -> "never stored here";
            case RECIPIENT -> all.getOrDefault(Party.mailbox(party.who()), List.of()).stream()
                    .anyMatch(entry -> entry.outcome() == Evidence.Outcome.HELD)
                    ? "delivered to their mailbox; they have not opened it in this scenario"
                    : "never received it";
            case FORWARDEE, THIEF, LINK_HOLDER -> "took no part";
        };
    }
}
