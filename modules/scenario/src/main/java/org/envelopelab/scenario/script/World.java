package org.envelopelab.scenario.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who exists in a scenario: the organization at the centre of the lesson (with its users), the
 * outside providers, and the people who have mailboxes there.
 */
public record World(Organization organization, List<Provider> providers, List<Person> people) {

    public World {
        providers = List.copyOf(providers);
        people = List.copyOf(people);
    }

    /** Everyone: the organization's users first, then the outside people. */
    public List<Person> everyone() {
        List<Person> all = new ArrayList<>(organization.users());
        all.addAll(people);
        return all;
    }

    public Optional<Person> person(String id) {
        return everyone().stream().filter(person -> person.id().equals(id)).findFirst();
    }

    public Optional<Person> personByAddress(String address) {
        return everyone().stream().filter(person -> person.address().equalsIgnoreCase(address)).findFirst();
    }

    /**
     * An organization with a mail domain of its own.
     *
     * @param name   its name, e.g. "Contoso"
     * @param domain its mail domain, e.g. "contoso.example"
     * @param users  its people, each with an address in {@code domain}
     */
    public record Organization(String name, String domain, List<Person> users) {
        public Organization {
            users = List.copyOf(users);
        }
    }

    /**
     * An outside mail site.
     *
     * @param name   its name, e.g. "Gmail"
     * @param domain its mail domain, e.g. "gmail.example"
     * @param kind   outlook, gmail, yahoo, organization (another company) or provider
     */
    public record Provider(String name, String domain, String kind) {
    }

    /**
     * Someone with a mailbox.
     *
     * @param id       the handle steps use, e.g. "carol"
     * @param name     the display name
     * @param address  the email address
     * @param password the account password, or null to let the run derive one from the seed
     */
    public record Person(String id, String name, String address, String password) {
    }
}
