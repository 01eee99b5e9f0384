package org.envelopelab.service.rules;

import org.envelopelab.service.tenant.Tenant;

/**
 * "The subject matches this text pattern": a case-insensitive regular expression found anywhere
 * in the subject.
 *
 * @param regex the pattern
 */
public record SubjectMatches(String regex) implements Condition {

    public SubjectMatches {
        TextPattern.compile(regex);
    }

    @Override
    public boolean test(MailFacts facts, Tenant tenant, Findings findings) {
        if (!TextPattern.compile(regex).matcher(facts.subject()).find()) {
            return false;
        }
        findings.reason("the subject matches the pattern '" + regex + "'");
        return true;
    }

    @Override
    public String describe() {
        return "the subject matches the pattern '" + regex + "'";
    }
}
