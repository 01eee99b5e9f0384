package org.envelopelab.service.rules;

import org.envelopelab.service.tenant.Tenant;

import java.util.List;
import java.util.Objects;

/**
 * "The message is sent to people inside / outside the organization": holds when any recipient is
 * in that scope. Outside is the classic trigger for encryption — inside, mail never leaves the tenant.
 *
 * @param scope inside or outside the tenant's domain
 */
public record SentTo(Scope scope) implements Condition {

    public SentTo {
        Objects.requireNonNull(scope, "scope");
    }

    @Override
    public boolean test(MailFacts facts, Tenant tenant, Findings findings) {
        List<String> inScope = facts.recipients().stream().filter(recipient -> scope.holdsFor(recipient, tenant)).toList();
        if (inScope.isEmpty()) {
            return false;
        }
        findings.reason("a recipient is " + scope.label() + " the organization (" + String.join(", ", inScope) + ")");
        return true;
    }

    @Override
    public String describe() {
        return "a recipient is " + scope.label() + " the organization";
    }
}
