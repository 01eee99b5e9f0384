package org.envelopelab.service.rules;

import org.envelopelab.service.tenant.Tenant;

import java.util.List;

/**
 * "The recipient domain is": holds when any recipient is at one of the domains or a subdomain of it.
 *
 * @param domains the domains, e.g. "gmail.example"
 */
public record RecipientDomainIs(List<String> domains) implements Condition {

    public RecipientDomainIs {
        domains = AddressList.checked(domains, "recipient domain");
    }

    @Override
    public boolean test(MailFacts facts, Tenant tenant, Findings findings) {
        boolean holds = false;
        for (String domain : domains) {
            List<String> atDomain = facts.recipients().stream().filter(recipient -> MailAddress.inDomain(recipient, domain)).toList();
            if (!atDomain.isEmpty()) {
                findings.reason("a recipient is at " + domain + " (" + String.join(", ", atDomain) + ")");
                holds = true;
            }
        }
        return holds;
    }

    @Override
    public String describe() {
        return "a recipient is at " + String.join(" or ", domains);
    }
}
