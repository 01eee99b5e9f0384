package org.envelopelab.service.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * What one condition found while testing a message: sentences for the transcript saying why it
 * holds (with matched data already masked), and whether it needed content S/MIME kept from it.
 * The engine turns the latter into a note, so a rule that went blind says so instead of silently
 * not applying.
 */
public final class Findings {

    private final List<String> reasons = new ArrayList<>();
    private boolean contentUnseen;

    /** Records why the condition holds, as a sentence: "the subject contains 'confidential'". */
    public void reason(String sentence) {
        reasons.add(sentence);
    }

    /** Records that the condition needed the body or attachments of an S/MIME-opaque message. */
    public void couldNotSeeContent() {
        contentUnseen = true;
    }

    public List<String> reasons() {
        return List.copyOf(reasons);
    }

    public boolean contentWasUnseen() {
        return contentUnseen;
    }
}
