package org.envelopelab.service.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A named mail flow rule: it applies when all its conditions hold and none of its exceptions does;
 * a rule without conditions applies to all mail. {@code stopProcessing} ends the evaluation after
 * it applies, so later rules do not see the message.
 *
 * @param name           the rule's name, as the transcript shows it
 * @param conditions     all must hold
 * @param exceptions     any one holding keeps the rule from applying
 * @param actions        what it does
 * @param stopProcessing whether to stop after this rule applies
 */
public record FlowRule(String name, List<Condition> conditions, List<Condition> exceptions, List<Action> actions,
                       boolean stopProcessing) {

    public FlowRule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a mail flow rule needs a name");
        }
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
        actions = actions == null ? List.of() : List.copyOf(actions);
        if (actions.isEmpty() && !stopProcessing) {
            throw new IllegalArgumentException("the rule '" + name + "' does nothing: give it an action or make it stop processing");
        }
    }

    /** The rule as an admin reads it: "'Cards out': if a recipient is ... and ..., except if ..., then ...". */
    public String describe() {
        String when = conditions.isEmpty() ? "for all mail"
                : "if " + conditions.stream().map(Condition::describe).collect(Collectors.joining(" and "));
        String except = exceptions.isEmpty() ? ""
                : ", except if " + exceptions.stream().map(Condition::describe).collect(Collectors.joining(" or "));
        List<String> does = new ArrayList<>(actions.stream().map(Action::describe).toList());
        if (stopProcessing) {
            does.add("stop processing more rules");
        }
        return "'" + name + "': " + when + except + ", then " + String.join(" and ", does);
    }
}
