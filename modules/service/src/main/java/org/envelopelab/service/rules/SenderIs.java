package org.envelopelab.service.rules;

import org.envelopelab.service.tenant.Tenant;

import java.util.List;

/**
 * "The sender is one of these people".
 *
 * @param addresses the addresses (case does not matter)
 */
public record SenderIs(List<String> addresses) implements Condition {

    public SenderIs {
        addresses = AddressList.checked(addresses, "sender address");
    }

    @Override
    public boolean test(MailFacts facts, Tenant tenant, Findings findings) {
        if (addresses.stream().noneMatch(address -> MailAddress.same(facts.sender(), address))) {
            return false;
        }
        findings.reason("the sender is " + facts.sender());
        return true;
    }

    @Override
    public String describe() {
        return "the sender is " + String.join(" or ", addresses);
    }
}
