package org.envelopelab.service.rules;

import org.envelopelab.service.rights.RightsTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * What the rules decided for one message, and the transcript of it.
 *
 * @param matches          the rules that applied, in order
 * @param protection       the rights template to protect the message with, or null
 * @param branding         the branding template's name, or null for the default
 * @param removeEncryption whether to remove this tenant's protection
 * @param notes            what the transcript should also say: rules that went blind on S/MIME,
 *                         exceptions that held, actions that could not be taken, what the sender asked for
 */
public record Evaluation(List<RuleMatch> matches, RightsTemplate protection, String branding, boolean removeEncryption,
                         List<String> notes) {

    public Evaluation {
        matches = List.copyOf(matches);
        notes = List.copyOf(notes);
    }

    public boolean protects() {
        return protection != null;
    }

    /** The transcript: each applied rule, then the notes. */
    public List<String> transcript() {
        List<String> lines = new ArrayList<>(matches.stream().map(RuleMatch::describe).toList());
        lines.addAll(notes);
        return lines;
    }
}
