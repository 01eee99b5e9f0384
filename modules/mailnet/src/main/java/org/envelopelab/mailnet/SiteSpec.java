package org.envelopelab.mailnet;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The description of one site before it runs: a name for people, the mail domain it serves
 * (its "MX"), what kind of site it is, its accounts and its ports.
 */
public record SiteSpec(String name, String domain, SiteKind kind, List<Account> accounts, Ports ports) {

    public SiteSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        domain = Objects.requireNonNull(domain, "domain").toLowerCase(Locale.ROOT);
        accounts = List.copyOf(accounts);
        ports = ports == null ? Ports.DYNAMIC : ports;
        for (Account account : accounts) {
            if (!account.domain().equals(domain)) {
                throw new IllegalArgumentException(account.address() + " does not belong to " + domain);
            }
        }
    }

    public SiteSpec(String name, String domain, SiteKind kind, List<Account> accounts) {
        this(name, domain, kind, accounts, Ports.DYNAMIC);
    }

    public SiteSpec withPorts(Ports newPorts) {
        return new SiteSpec(name, domain, kind, accounts, newPorts);
    }
}
