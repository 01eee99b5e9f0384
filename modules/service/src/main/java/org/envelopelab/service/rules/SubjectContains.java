package org.envelopelab.service.rules;

import org.envelopelab.service.rules.sensitive.WordList;
import org.envelopelab.service.tenant.Tenant;

import java.util.List;

/**
 * "The subject includes any of these words": whole words, case-insensitive. The subject travels
 * in the clear even in S/MIME mail, so this works on encrypted mail too.
 *
 * @param words the words or phrases
 */
public record SubjectContains(List<String> words) implements Condition {

    public SubjectContains {
        words = new WordList(words).words();
    }

    @Override
    public boolean test(MailFacts facts, Tenant tenant, Findings findings) {
        List<String> found = new WordList(words).foundIn(facts.subject());
        if (found.isEmpty()) {
            return false;
        }
        findings.reason("the subject contains " + WordList.quoted(found));
        return true;
    }

    @Override
    public String describe() {
        return "the subject contains any of " + WordList.quoted(words);
    }
}
