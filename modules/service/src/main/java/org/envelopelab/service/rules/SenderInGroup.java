package org.envelopelab.service.rules;

import org.envelopelab.service.tenant.Tenant;

/**
 * "The sender is a member of this group", with the tenant's groups: rules are usually written for
 * a team (card services, HR) rather than for named people.
 *
 * @param group the group's name in the tenant
 */
public record SenderInGroup(String group) implements Condition {

    public SenderInGroup {
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("the condition needs a group name");
        }
    }

    @Override
    public boolean test(MailFacts facts, Tenant tenant, Findings findings) {
        if (!tenant.inGroup(facts.sender(), group)) {
            return false;
        }
        findings.reason("the sender is in group " + group);
        return true;
    }

    @Override
    public String describe() {
        return "the sender is in group " + group;
    }
}
