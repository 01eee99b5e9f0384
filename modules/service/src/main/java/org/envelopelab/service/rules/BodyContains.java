package org.envelopelab.service.rules;

import org.envelopelab.service.rules.sensitive.WordList;
import org.envelopelab.service.tenant.Tenant;

import java.util.List;

/**
 * "The message body includes any of these words", looking in the body and in text attachments,
 * each reason saying which.
 *
 * @param words the words or phrases
 */
public record BodyContains(List<String> words) implements ContentCondition {

    public BodyContains {
        words = new WordList(words).words();
    }

    @Override
    public boolean testContent(MailFacts facts, Tenant tenant, Findings findings) {
        WordList list = new WordList(words);
        boolean holds = false;
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
        return "the body or a text attachment contains any of " + WordList.quoted(words);
    }
}
