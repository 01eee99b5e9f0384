package org.envelopelab.service.rules;

import org.envelopelab.service.tenant.Tenant;

import java.util.List;

/**
 * "The sender's domain is": holds when the sender is at one of the domains or a subdomain of it.
 *
 * @param domains the domains
 */
public record SenderDomainIs(List<String> domains) implements Condition {

    public SenderDomainIs {
        domains = AddressList.checked(domains, "sender domain");
    }

    @Override
    public boolean test(MailFacts facts, Tenant tenant, Findings findings) {
        for (String domain : domains) {
            if (MailAddress.inDomain(facts.sender(), domain)) {
                findings.reason("the sender is at " + domain + " (" + facts.sender() + ")");
                return true;
            }
        }
        return false;
    }

    @Override
    public String describe() {
        return "the sender is at " + String.join(" or ", domains);
    }
}
