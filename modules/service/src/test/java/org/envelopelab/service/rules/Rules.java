package org.envelopelab.service.rules;

import org.envelopelab.service.rights.RightsTemplate;

import java.util.List;

/** Short ways to write the rules the tests run. */
final class Rules {

    private Rules() {
    }

    static FlowRule protect(String name, RightsTemplate template, Condition... conditions) {
        return new FlowRule(name, List.of(conditions), List.of(), List.of(new ApplyProtection(template)), false);
    }

    static FlowRule brand(String name, String branding, Condition... conditions) {
        return new FlowRule(name, List.of(conditions), List.of(), List.of(new ApplyBranding(branding)), false);
    }

    static FlowRule stop(String name, Condition... conditions) {
        return new FlowRule(name, List.of(conditions), List.of(), List.of(), true);
    }

    static Evaluation evaluate(MailFacts facts, FlowRule... rules) {
        return new RuleEngine(ContosoBank.TENANT).evaluate(List.of(rules), facts);
    }

    /** Tests one condition alone and returns its findings, or null when it does not hold. */
    static Findings holds(Condition condition, MailFacts facts) {
        Findings findings = new Findings();
        return condition.test(facts, ContosoBank.TENANT, findings) ? findings : null;
    }
}
