package org.envelopelab.service.rules;

import org.envelopelab.service.tenant.Tenant;

/**
 * A condition on what only the body and attachments show. The service cannot see those in
 * S/MIME-encrypted or opaque-signed mail, so there such a condition never holds and says it could
 * not look — an organization that lets its people use S/MIME gives up content rules on that mail.
 */
public sealed interface ContentCondition extends Condition permits BodyContains, BodyMatches, ContainsSensitiveInfo, HasAttachment {

    @Override
    default boolean test(MailFacts facts, Tenant tenant, Findings findings) {
        if (facts.smimeOpaque()) {
            findings.couldNotSeeContent();
            return false;
        }
        return testContent(facts, tenant, findings);
    }

    /** The test on a message whose content the service can see. */
    boolean testContent(MailFacts facts, Tenant tenant, Findings findings);
}
