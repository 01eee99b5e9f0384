package org.envelopelab.service.rules;

import java.util.Locale;

/**
 * How the rules compare mail addresses and domains: without regard to case, and a domain
 * includes its subdomains ("contoso.example" covers "eu.contoso.example"), as Exchange's
 * "domain is" does.
 */
final class MailAddress {

    private MailAddress() {
    }

    static boolean same(String one, String other) {
        return one.strip().equalsIgnoreCase(other.strip());
    }

    static boolean inDomain(String address, String domain) {
        String host = domainOf(address);
        String wanted = domain.strip().toLowerCase(Locale.ROOT);
        if (wanted.startsWith("@")) {
            wanted = wanted.substring(1);
        }
        return host.equals(wanted) || host.endsWith("." + wanted);
    }

    static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1).strip().toLowerCase(Locale.ROOT);
    }
}
