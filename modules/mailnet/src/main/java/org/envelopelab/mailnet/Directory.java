package org.envelopelab.mailnet;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which site receives mail for which domain — the lab's MX records. The transport routes by it.
 */
public final class Directory {

    private final Map<String, Site> byDomain = new TreeMap<>();

    Directory(List<Site> sites) {
        for (Site site : sites) {
            if (byDomain.putIfAbsent(site.domain(), site) != null) {
                throw new IllegalArgumentException("two sites serve " + site.domain());
            }
        }
    }

    /** The site for a domain or for the domain of an address. */
    public Optional<Site> siteFor(String domainOrAddress) {
        String domain = domainOrAddress.contains("@") ? Addresses.domainOf(domainOrAddress)
                : domainOrAddress.toLowerCase(Locale.ROOT);
        return Optional.ofNullable(byDomain.get(domain));
    }

    /** Every domain and its site, sorted by domain. */
    public Map<String, Site> entries() {
        return Collections.unmodifiableMap(byDomain);
    }
}
