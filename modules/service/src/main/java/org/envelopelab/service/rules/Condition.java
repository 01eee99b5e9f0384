package org.envelopelab.service.rules;

import org.envelopelab.service.tenant.Tenant;

/**
 * A test a mail flow rule makes on a message, as a condition ("apply this rule if...") or an
 * exception ("...except if"). Conditions that need the body or attachments are
 * {@link ContentCondition}s: S/MIME-opaque mail never satisfies them.
 */
public sealed interface Condition
        permits SentTo, RecipientIs, RecipientDomainIs, SenderIs, SenderDomainIs, SenderInGroup,
        SubjectContains, SubjectMatches, SubjectOrBodyContains, ContentCondition {

    /** Whether the message satisfies the condition; when it does, {@code findings} hold the reasons. */
    boolean test(MailFacts facts, Tenant tenant, Findings findings);

    /** The condition in words, as a rule listing shows it: "a recipient is outside the organization". */
    String describe();
}
