package org.envelopelab.scenario.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.envelopelab.mailnet.Addresses;
import org.envelopelab.scenario.script.World.Organization;
import org.envelopelab.scenario.script.World.Person;
import org.envelopelab.scenario.script.World.Provider;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import static org.envelopelab.scenario.script.NodeReader.mustBe;

/**
 * Reads a world: the organization with its users, the outside providers, and the people who have
 * mailboxes at them. A section the script leaves out is taken whole from a fallback world (the
 * default world), so a lesson only writes what it changes.
 */
final class WorldReader {

    static final List<String> KEYS = List.of("organization", "providers", "people");
    static final List<String> KINDS = List.of("outlook", "gmail", "yahoo", "organization", "provider");

    private static final List<String> ORGANIZATION_KEYS = List.of("name", "domain", "users");
    private static final List<String> PROVIDER_KEYS = List.of("name", "domain", "kind");
    private static final List<String> PERSON_KEYS = List.of("name", "address", "password");
    private static final Pattern PERSON_ID = Pattern.compile("[a-z][a-z0-9_-]*");

    private final NodeReader reader;

    WorldReader(NodeReader reader) {
        this.reader = reader;
    }

    /**
     * Reads the world from its mapping. The result is complete only when no problem was reported;
     * otherwise it holds what could be read, so steps can still be checked against it.
     *
     * @param fallback where missing sections come from; null when every section is required
     */
    World read(ScriptMapping world, World fallback) {
        WorldRules rules = new WorldRules(reader.problems(), world.line());

        Optional<Node> organizationNode = section(world, "organization", fallback);
        Organization organization = organizationNode.isPresent()
                ? organization(organizationNode.get(), rules)
                : claimed(fallback == null ? null : fallback.organization(), rules);

        Optional<Node> providersNode = section(world, "providers", fallback);
        List<Provider> providers = providersNode.isPresent()
                ? providers(providersNode.get(), rules)
                : claimed(fallback == null ? List.of() : fallback.providers(), rules);

        Optional<Node> peopleNode = section(world, "people", fallback);
        List<Person> people = peopleNode.isPresent()
                ? people(peopleNode.get(), rules)
                : claimedPeople(fallback == null ? List.of() : fallback.people(), rules);

        return new World(organization, providers, people);
    }

    private static Optional<Node> section(ScriptMapping world, String key, World fallback) {
        return fallback == null ? world.required(key) : world.optional(key);
    }

    private Organization organization(Node node, WorldRules rules) {
        Optional<ScriptMapping> found = reader.mapping(node, mustBe("organization", "a mapping"), "organization",
                ORGANIZATION_KEYS);
        if (found.isEmpty()) {
            return new Organization("", "", List.of());
        }
        ScriptMapping organization = found.get();
        String name = organization.requiredText("name").orElse("");
        Optional<String> domain = organization.required("domain").flatMap(this::domain);
        domain.ifPresent(value -> rules.organizationDomain(value, organization.keyLine("domain")));
        List<Person> users = organization.required("users")
                .flatMap(usersNode -> reader.mapping(usersNode, mustBe("users", "a mapping of person ids to people"),
                        "users", null))
                .map(usersMapping -> persons(usersMapping, true, domain.orElse(null), rules))
                .orElse(List.of());
        return new Organization(name, domain.orElse(""), users);
    }

    private List<Provider> providers(Node node, WorldRules rules) {
        List<Provider> providers = new ArrayList<>();
        Optional<List<Node>> items = reader.list(node, mustBe("providers", "a list"));
        if (items.isEmpty()) {
            rules.providerDomainUnknown();
        }
        for (Node item : items.orElse(List.of())) {
            Optional<ScriptMapping> found = reader.mapping(item, "each provider must be a mapping", "provider",
                    PROVIDER_KEYS);
            if (found.isEmpty()) {
                rules.providerDomainUnknown();
                continue;
            }
            ScriptMapping provider = found.get();
            String name = provider.requiredText("name").orElse("");
            Optional<String> domain = provider.required("domain").flatMap(this::domain);
            String kind = provider.requiredScalar("kind").flatMap(this::kind).orElse("");
            if (domain.isPresent()) {
                rules.providerDomain(domain.get(), name, provider.keyLine("domain"));
            } else {
                rules.providerDomainUnknown();
            }
            providers.add(new Provider(name, domain.orElse(""), kind));
        }
        return providers;
    }

    private List<Person> people(Node node, WorldRules rules) {
        return reader.mapping(node, mustBe("people", "a mapping of person ids to people"), "people", null)
                .map(people -> persons(people, false, null, rules))
                .orElse(List.of());
    }

    /**
     * Reads a mapping of person id to person.
     *
     * @param organizationUsers  true for the organization's users, whose address defaults to
     *                           id@domain; false for outside people, who must give one
     * @param organizationDomain the organization's domain, or null when it could not be read
     */
    private List<Person> persons(ScriptMapping mapping, boolean organizationUsers, String organizationDomain,
                                 WorldRules rules) {
        return mapping.entries().stream()
                .map(entry -> person(entry, organizationUsers, organizationDomain, rules))
                .toList();
    }

    private Person person(ScriptMapping.Entry entry, boolean organizationUser, String organizationDomain,
                          WorldRules rules) {
        String id = entry.key();
        int idLine = Problems.lineOf(entry.keyNode());
        if (!PERSON_ID.matcher(id).matches()) {
            reader.report(entry.keyNode(), "person id '" + id
                    + "' must start with a lower-case letter and use only a-z, 0-9, '-' and '_'");
        }
        rules.personId(id, idLine);
        Optional<ScriptMapping> found = reader.mapping(entry.value(), mustBe(id, "a mapping"), "person '" + id + "'",
                PERSON_KEYS);
        if (found.isEmpty()) {
            // Keep the id known, so steps naming this person are not reported as well.
            return new Person(id, "", null, null);
        }
        ScriptMapping person = found.get();
        String name = person.requiredText("name").orElse("");
        String password = person.optionalText("password").orElse(null);
        String address;
        int addressLine;
        if (organizationUser && !person.has("address")) {
            address = organizationDomain == null ? null : id + "@" + organizationDomain;
            addressLine = idLine;
        } else {
            Optional<Node> addressNode = organizationUser ? person.optional("address") : person.required("address");
            address = addressNode.flatMap(this::address).orElse(null);
            addressLine = addressNode.map(Problems::lineOf).orElse(idLine);
        }
        if (address != null) {
            rules.address(address, id, addressLine);
            if (organizationUser) {
                rules.organizationUser(address, addressLine);
            } else {
                rules.outsidePerson(address, id, addressLine);
            }
        }
        return new Person(id, name, address, password);
    }

    private Optional<String> domain(Node node) {
        return reader.text(node, "domain").map(text -> text.trim().toLowerCase(Locale.ROOT)).filter(domain -> {
            boolean valid = Addresses.isValid("x@" + domain);
            if (!valid) {
                reader.report(node, "'" + domain + "' is not a mail domain");
            }
            return valid;
        });
    }

    private Optional<String> address(Node node) {
        return reader.text(node, "address").flatMap(text -> {
            if (!Addresses.isValid(text.trim())) {
                reader.report(node, "'" + text + "' is not an email address");
                return Optional.empty();
            }
            return Optional.of(Addresses.normalize(text));
        });
    }

    private Optional<String> kind(ScalarNode node) {
        String kind = node.getValue();
        if (KINDS.contains(kind)) {
            return Optional.of(kind);
        }
        reader.report(node, Spelling.unknown("unknown kind '" + kind + "'", kind, KINDS,
                Spelling.listing("kinds", KINDS)));
        return Optional.empty();
    }

    private static Organization claimed(Organization organization, WorldRules rules) {
        if (organization == null) {
            return new Organization("", "", List.of());
        }
        rules.organizationDomain(organization.domain(), WorldRules.DEFAULT_WORLD);
        for (Person user : organization.users()) {
            rules.personId(user.id(), WorldRules.DEFAULT_WORLD);
            rules.address(user.address(), user.id(), WorldRules.DEFAULT_WORLD);
        }
        return organization;
    }

    private static List<Provider> claimed(List<Provider> providers, WorldRules rules) {
        for (Provider provider : providers) {
            rules.providerDomain(provider.domain(), provider.name(), WorldRules.DEFAULT_WORLD);
        }
        return providers;
    }

    private static List<Person> claimedPeople(List<Person> people, WorldRules rules) {
        for (Person person : people) {
            rules.personId(person.id(), WorldRules.DEFAULT_WORLD);
            rules.address(person.address(), person.id(), WorldRules.DEFAULT_WORLD);
        }
        rules.defaultPeople(people);
        return people;
    }
}
