package org.envelopelab.service.rules;

import org.envelopelab.service.tenant.Tenant;

import java.util.regex.Pattern;

/**
 * "The message body matches this text pattern", in the body and in text attachments. The reason
 * names the pattern, not what it matched: patterns are written to catch things worth hiding.
 *
 * @param regex the pattern (case-insensitive)
 */
public record BodyMatches(String regex) implements ContentCondition {

    public BodyMatches {
        TextPattern.compile(regex);
    }

    @Override
    public boolean testContent(MailFacts facts, Tenant tenant, Findings findings) {
        Pattern pattern = TextPattern.compile(regex);
        boolean holds = false;
        for (Passage passage : facts.passages()) {
            if (pattern.matcher(passage.text()).find()) {
                findings.reason(passage.where() + " matches the pattern '" + regex + "'");
                holds = true;
            }
        }
        return holds;
    }

    @Override
    public String describe() {
        return "the body or a text attachment matches the pattern '" + regex + "'";
    }
}
