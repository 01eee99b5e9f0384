package org.envelopelab.service.rules;

import org.envelopelab.service.tenant.Tenant;

import java.util.List;

/**
 * "The recipient is one of these people": holds when any recipient is one of the addresses
 * (case does not matter).
 *
 * @param addresses the addresses to look for
 */
public record RecipientIs(List<String> addresses) implements Condition {

    public RecipientIs {
        addresses = AddressList.checked(addresses, "recipient address");
    }

    @Override
    public boolean test(MailFacts facts, Tenant tenant, Findings findings) {
        List<String> listed = facts.recipients().stream()
                .filter(recipient -> addresses.stream().anyMatch(address -> MailAddress.same(recipient, address)))
                .toList();
        if (listed.isEmpty()) {
            return false;
        }
        findings.reason(listed.size() == 1 ? "a recipient is " + listed.get(0) : "the recipients include " + String.join(", ", listed));
        return true;
    }

    @Override
    public String describe() {
        return "a recipient is " + String.join(" or ", addresses);
    }
}
