package org.envelopelab.service.rules;

import org.envelopelab.service.rules.sensitive.WordList;
import org.envelopelab.service.tenant.Tenant;

import java.util.List;

/**
 * "The subject or body includes any of these words". On S/MIME-opaque mail only the subject can
 * be searched: a word there still makes the condition hold; otherwise it could not look and says so.
 *
 * @param words the words or phrases
 */
public record SubjectOrBodyContains(List<String> words) implements Condition {

    public SubjectOrBodyContains {
        words = new WordList(words).words();
    }

    @Override
    public boolean test(MailFacts facts, Tenant tenant, Findings findings) {
        WordList list = new WordList(words);
        boolean holds = false;
        List<String> inSubject = list.foundIn(facts.subject());
        if (!inSubject.isEmpty()) {
            findings.reason("the subject contains " + WordList.quoted(inSubject));
            holds = true;
        }
        if (facts.smimeOpaque()) {
            if (!holds) {
                findings.couldNotSeeContent();
            }
            return holds;
        }
        for (Passage passage : facts.passages()) {
            List<String> found = list.foundIn(passage.text());
            if (!found.isEmpty()) {
                findings.reason(passage.where() + " contains " + WordList.quoted(found));
                holds = true;
            }
        }
        return holds;
    }

    @Override
    public String describe() {
        return "the subject, body or a text attachment contains any of " + WordList.quoted(words);
    }
}
