package org.envelopelab.portal.pages;

import java.util.List;
import java.util.Locale;

/**
 * A "Sign in with Gmail" link on the landing page, for one domain the identity provider serves.
 *
 * @param name   the provider's name, from its domain: "gmail.example" is "Gmail"
 * @param domain the domain
 * @param href   the provider sign-in page for this message
 */
public record ProviderLink(String name, String domain, String href) {

    public static List<ProviderLink> all(String token, List<String> domains) {
        return domains.stream().map(domain -> new ProviderLink(nameOf(domain), domain,
                Links.providerSignIn(token) + "?provider=" + domain)).toList();
    }

    /** The first label of the domain, capitalised. */
    public static String nameOf(String domain) {
        String label = domain.contains(".") ? domain.substring(0, domain.indexOf('.')) : domain;
        return label.isEmpty() ? domain : label.substring(0, 1).toUpperCase(Locale.ROOT) + label.substring(1);
    }
}
