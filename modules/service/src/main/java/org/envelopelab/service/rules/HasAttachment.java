package org.envelopelab.service.rules;

import org.envelopelab.service.tenant.Tenant;

import java.util.stream.Collectors;

/** "Any attachment": holds when the message has at least one. S/MIME hides even that. */
public record HasAttachment() implements ContentCondition {

    @Override
    public boolean testContent(MailFacts facts, Tenant tenant, Findings findings) {
        if (!facts.hasAttachments()) {
            return false;
        }
        int count = facts.attachments().size();
        findings.reason("the message has " + count + (count == 1 ? " attachment (" : " attachments (")
                + facts.attachments().stream().map(MailFacts.AttachmentText::name).collect(Collectors.joining(", ")) + ")");
        return true;
    }

    @Override
    public String describe() {
        return "the message has an attachment";
    }
}
