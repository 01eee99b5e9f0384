package org.envelopelab.scenario.script;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.envelopelab.mailnet.Addresses;
import org.envelopelab.scenario.script.World.Person;

/**
 * The rules that tie a world together: person ids, addresses and domains are each unique; an
 * organization user's address is in the organization's domain; everyone else's address is at a
 * provider. The world reader claims each id, address and domain here as it reads them, the
 * organization's and providers' domains before anyone's address, which is checked against them.
 *
 * <p>Sections taken from the default world are claimed with line {@link #DEFAULT_WORLD}. A clash
 * is reported at the entry the script wrote, since that is the one the student can change; the
 * message says the other entry is "in the default world".
 */
final class WorldRules {

    /** The "line" of an entry that comes from the default world rather than the script. */
    static final int DEFAULT_WORLD = 0;

    /** Who holds an id, address or domain, and where it was written. */
    private record Claim(String holder, int line) {
    }

    private final Problems problems;
    private final int worldLine;
    private final Map<String, Claim> ids = new HashMap<>();
    private final Map<String, Claim> addresses = new HashMap<>();
    private final Map<String, Claim> domains = new HashMap<>();
    private final List<String> providerDomains = new ArrayList<>();
    private boolean providerDomainsKnown = true;
    private String organizationDomain;

    /**
     * @param worldLine where to report a problem that only involves default-world entries: the
     *                  first line of the script's {@code world} section
     */
    WorldRules(Problems problems, int worldLine) {
        this.problems = problems;
        this.worldLine = worldLine;
    }

    void personId(String id, int line) {
        claim(ids, id, new Claim(null, line), "person '" + id + "' is already defined");
    }

    void address(String address, String personId, int line) {
        claim(addresses, address, new Claim("person '" + personId + "'", line),
                "address '" + address + "' is already used");
    }

    void organizationDomain(String domain, int line) {
        organizationDomain = domain;
        claim(domains, domain, new Claim("the organization", line), "domain '" + domain + "' is already used");
    }

    void providerDomain(String domain, String providerName, int line) {
        providerDomains.add(domain);
        claim(domains, domain, new Claim("provider '" + providerName + "'", line),
                "domain '" + domain + "' is already used");
    }

    /**
     * A provider whose domain could not be read (already reported). Nobody is then reported as
     * unserved: they may well be at that provider, and one mistake should make one message.
     */
    void providerDomainUnknown() {
        providerDomainsKnown = false;
    }

    void organizationUser(String address, int line) {
        if (organizationDomain != null && !Addresses.domainOf(address).equals(organizationDomain)) {
            problems.report(line, "'" + address + "' is not in the organization's domain " + organizationDomain);
        }
    }

    void outsidePerson(String address, String personId, int line) {
        String domain = Addresses.domainOf(address);
        if (domain.equals(organizationDomain)) {
            problems.report(line, "'" + address + "' is in the organization's domain; list '" + personId
                    + "' under organization.users");
        } else if (providerDomainsKnown && !providerDomains.contains(domain)) {
            problems.report(line, "no provider serves '" + address + "' (" + providerListing() + ")");
        }
    }

    /**
     * Checks the default world's people against a script's own organization and providers. They
     * are reported together, at the world section, since the fix is one: declare {@code people} too.
     */
    void defaultPeople(List<Person> people) {
        List<String> inOrganization = people.stream().map(Person::address)
                .filter(address -> Addresses.domainOf(address).equals(organizationDomain))
                .toList();
        List<String> unserved = people.stream().map(Person::address)
                .filter(address -> !inOrganization.contains(address))
                .filter(address -> !providerDomains.contains(Addresses.domainOf(address)))
                .toList();
        if (!inOrganization.isEmpty()) {
            problems.report(worldLine, "the organization's domain " + organizationDomain
                    + " holds the default world's people: " + String.join(", ", inOrganization)
                    + "; declare 'people' too");
        }
        if (providerDomainsKnown && !unserved.isEmpty()) {
            problems.report(worldLine, "no provider serves the default world's people: " + String.join(", ", unserved)
                    + " (" + providerListing() + "); declare 'people' too");
        }
    }

    private String providerListing() {
        return Spelling.listing("provider domains", providerDomains);
    }

    private void claim(Map<String, Claim> taken, String key, Claim mine, String clash) {
        Claim earlier = taken.putIfAbsent(key, mine);
        if (earlier == null) {
            return;
        }
        Claim reportAt = mine.line() != DEFAULT_WORLD ? mine : earlier;
        Claim other = reportAt == mine ? earlier : mine;
        String holder = other.holder() == null ? "" : " by " + other.holder();
        String where = other.line() == DEFAULT_WORLD ? " in the default world" : " on line " + other.line();
        report(reportAt.line(), clash + holder + where);
    }

    private void report(int line, String message) {
        // Two default-world entries never clash (the default world is checked when it loads).
        problems.report(line == DEFAULT_WORLD ? worldLine : line, message);
    }
}
