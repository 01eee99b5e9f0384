package org.envelopelab.service.rules;

import java.util.List;

/**
 * A rule that applied to a message, and why: the transcript's line for it.
 *
 * @param rule    the rule's name
 * @param reasons why its conditions hold, matched data masked
 * @param actions what it does, in words ("stop processing more rules" included when it stops)
 */
public record RuleMatch(String rule, List<String> reasons, List<String> actions) {

    public RuleMatch {
        reasons = List.copyOf(reasons);
        actions = List.copyOf(actions);
    }

    /** "'Cards out' applied: a recipient is outside ... and the body contains ...; so: apply ..." */
    public String describe() {
        return "'" + rule + "' applied: " + String.join(" and ", reasons) + "; so: " + String.join(", ", actions);
    }
}
