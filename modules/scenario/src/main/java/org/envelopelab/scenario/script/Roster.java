package org.envelopelab.scenario.script;

import java.util.List;
import java.util.Optional;

import org.envelopelab.mailnet.Addresses;
import org.envelopelab.scenario.script.World.Person;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The people of a world as steps name them: by id ({@code carol}) or by address
 * ({@code carol@gmail.example}). Where a step may name someone outside the world, such as a
 * recipient who does not exist in a bounce lesson, a literal address is accepted too.
 */
final class Roster {

    private final World world;
    private final NodeReader reader;

    Roster(World world, NodeReader reader) {
        this.world = world;
        this.reader = reader;
    }

    /** The kind of mail site an address is at ("gmail", "organization", ...), or empty when no provider serves it. */
    Optional<String> providerKindOf(String address) {
        String domain = address.substring(address.indexOf('@') + 1);
        return world.providers().stream().filter(provider -> provider.domain().equalsIgnoreCase(domain))
                .map(World.Provider::kind).findFirst();
    }

    /** The person named, by id or by address, without reporting anything. */
    Optional<Person> find(String reference) {
        String wanted = reference.trim();
        return world.everyone().stream()
                .filter(person -> person.id().equals(wanted)
                        || person.address() != null && person.address().equalsIgnoreCase(wanted))
                .findFirst();
    }

    /**
     * The address of a person of the world, named by id or address. Empty when the reference is
     * unknown (reported here) or the person's own address was invalid (reported with the world).
     */
    Optional<String> personAddress(String reference, Node at) {
        if (reference.contains("@") && !Addresses.isValid(reference.trim())) {
            reader.report(at, notAnAddress(reference));
            return Optional.empty();
        }
        Optional<Person> person = find(reference);
        if (person.isEmpty()) {
            reader.report(at, unknownPerson(reference));
        }
        return person.map(Person::address);
    }

    /** A person's address, or any valid literal address (anything containing '@' is taken as one). */
    Optional<String> anyAddress(String reference, Node at) {
        if (!reference.contains("@")) {
            return personAddress(reference, at);
        }
        if (!Addresses.isValid(reference.trim())) {
            reader.report(at, notAnAddress(reference));
            return Optional.empty();
        }
        return Optional.of(Addresses.normalize(reference));
    }

    /** Every person id, the organization's users first. */
    List<String> ids() {
        return world.everyone().stream().map(Person::id).toList();
    }

    String unknownPerson(String reference) {
        return "unknown person '" + reference + "' (" + Spelling.listing("people", ids()) + ")";
    }

    private static String notAnAddress(String reference) {
        return "'" + reference + "' is not an email address";
    }
}
