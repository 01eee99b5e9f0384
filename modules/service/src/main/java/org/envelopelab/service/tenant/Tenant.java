package org.envelopelab.service.tenant;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An organization's tenant of the message encryption service: its domain, its users, its groups
 * and its licences.
 *
 * @param name   the organization, e.g. "Contoso Bank"
 * @param domain its mail domain; recipients at it are "inside the organization"
 * @param users  its users' addresses
 * @param groups group name to member addresses
 * @param plan   its plan
 * @param addOns its add-ons
 * @param microsoftAccountDomains the domains of Microsoft account providers (Outlook.com, Hotmail, Live):
 *               their people read the tenant's protected mail inline in Outlook, as the tenant's own
 *               people do, instead of getting a wrapper
 */
public record Tenant(String name, String domain, Set<String> users, Map<String, List<String>> groups, Plan plan,
                     Set<AddOn> addOns, Set<String> microsoftAccountDomains) {

    public Tenant {
        domain = domain.toLowerCase(Locale.ROOT);
        users = Set.copyOf(users);
        groups = Map.copyOf(groups);
        addOns = Set.copyOf(addOns);
        microsoftAccountDomains = microsoftAccountDomains.stream().map(d -> d.toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** A tenant in a world without Microsoft account providers. */
    public Tenant(String name, String domain, Set<String> users, Map<String, List<String>> groups, Plan plan,
                  Set<AddOn> addOns) {
        this(name, domain, users, groups, plan, addOns, Set.of());
    }

    /** Whether the address is one of the organization's own. */
    public boolean isInside(String address) {
        return address.toLowerCase(Locale.ROOT).endsWith("@" + domain);
    }

    /**
     * Whether the address reads the tenant's protected mail inline, in a mail client that gets use
     * licenses: the organization's own people, and Microsoft account holders (Outlook.com) in
     * Outlook. Everyone else gets the wrapper and reads in the portal.
     */
    public boolean readsInline(String address) {
        String lower = address.toLowerCase(Locale.ROOT);
        return isInside(lower) || microsoftAccountDomains.contains(lower.substring(lower.lastIndexOf('@') + 1));
    }

    public boolean inGroup(String address, String group) {
        return groups.getOrDefault(group, List.of()).stream().anyMatch(member -> member.equalsIgnoreCase(address));
    }

    public boolean allows(Feature feature) {
        return plan.allows(feature, addOns);
    }

    /** Throws a {@link PlanException} naming the requirement when the plan lacks the feature. */
    public void require(Feature feature) {
        if (!allows(feature)) {
            throw new PlanException(capitalized(feature.description()) + " needs " + plan.requirementFor(feature)
                    + "; " + name + " has " + plan.title()
                    + (addOns.isEmpty() ? "" : " with " + String.join(", ", addOns.stream().map(AddOn::title).sorted().toList())));
        }
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
