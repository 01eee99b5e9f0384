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
 */
public record Tenant(String name, String domain, Set<String> users, Map<String, List<String>> groups, Plan plan,
                     Set<AddOn> addOns) {

    public Tenant {
        domain = domain.toLowerCase(Locale.ROOT);
        users = Set.copyOf(users);
        groups = Map.copyOf(groups);
        addOns = Set.copyOf(addOns);
    }

    public boolean isInside(String address) {
        return address.toLowerCase(Locale.ROOT).endsWith("@" + domain);
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
