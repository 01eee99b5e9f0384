package org.envelopelab.service.rules;

import org.envelopelab.service.rights.RightsTemplate;
import org.envelopelab.service.tenant.Tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs a tenant's mail flow rules over one message, in order, as Exchange's transport does: each
 * rule that applies adds its actions (a later rule's protection or branding replaces an earlier
 * one's), and a rule that stops processing ends the run. Everything the transcript needs —
 * which rule applied and why, and what could not be tested or done — comes back in the
 * {@link Evaluation}.
 */
public final class RuleEngine {

    private final Tenant tenant;
    private final TemplateCatalog templates;

    /** An engine for a tenant with only the built-in rights templates. */
    public RuleEngine(Tenant tenant) {
        this(tenant, new TemplateCatalog(List.of()));
    }

    /** An engine for a tenant with custom rights templates too (for what senders ask for by name). */
    public RuleEngine(Tenant tenant, TemplateCatalog templates) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.templates = Objects.requireNonNull(templates, "templates");
    }

    public Evaluation evaluate(List<FlowRule> rules, MailFacts facts) {
        Run run = new Run(facts);
        for (FlowRule rule : rules) {
            if (run.applies(rule) && rule.stopProcessing()) {
                break;
            }
        }
        run.honourSendersRequest();
        return new Evaluation(run.matches, run.protection, run.branding, run.removeEncryption, run.notes);
    }

    /** One condition or exception, tested. */
    private record Tested(Condition condition, boolean held, Findings findings) {

        boolean unseen() {
            return !held && findings.contentWasUnseen();
        }
    }

    /** The state of one evaluation, rule by rule. */
    private final class Run {

        private final MailFacts facts;
        private final List<RuleMatch> matches = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private RightsTemplate protection;
        private String protectingRule;
        private String branding;
        private boolean removeEncryption;

        Run(MailFacts facts) {
            this.facts = facts;
        }

        /** Tests the rule and, when it applies, takes its actions; true when it applied. */
        boolean applies(FlowRule rule) {
            // Every condition is tested, not just up to the first that fails: a condition that could
            // not look into S/MIME mail is worth a note only when it alone kept the rule from applying.
            List<Tested> conditions = rule.conditions().stream().map(this::test).toList();
            if (!conditions.stream().allMatch(Tested::held)) {
                if (conditions.stream().allMatch(tested -> tested.held() || tested.unseen())) {
                    conditions.stream().filter(Tested::unseen).forEach(tested -> noteBlind(rule, "the condition", tested));
                }
                return false;
            }
            List<Tested> exceptions = rule.exceptions().stream().map(this::test).toList();
            Optional<Tested> exception = exceptions.stream().filter(Tested::held).findFirst();
            if (exception.isPresent()) {
                notes.add("'" + rule.name() + "' did not apply: its exception held ("
                        + String.join(" and ", exception.get().findings().reasons()) + ")");
                return false;
            }
            exceptions.stream().filter(Tested::unseen).forEach(tested -> noteBlind(rule, "the exception", tested));
            matches.add(new RuleMatch(rule.name(), reasons(rule, conditions), actionsOf(rule)));
            rule.actions().forEach(action -> take(rule, action));
            return true;
        }

        private Tested test(Condition condition) {
            Findings findings = new Findings();
            return new Tested(condition, condition.test(facts, tenant, findings), findings);
        }

        private void noteBlind(FlowRule rule, String what, Tested tested) {
            notes.add("the message is S/MIME-encrypted: the service cannot see its body, so '" + rule.name()
                    + "' could not test " + what + " \"" + tested.condition().describe() + "\"");
        }

        private List<String> reasons(FlowRule rule, List<Tested> conditions) {
            if (rule.conditions().isEmpty()) {
                return List.of("the rule has no conditions, so it applies to all mail");
            }
            return conditions.stream().flatMap(tested -> tested.findings().reasons().stream()).toList();
        }

        private List<String> actionsOf(FlowRule rule) {
            List<String> actions = new ArrayList<>(rule.actions().stream().map(Action::describe).toList());
            if (rule.stopProcessing()) {
                actions.add("stop processing more rules");
            }
            return actions;
        }

        private void take(FlowRule rule, Action action) {
            if (action instanceof ApplyProtection apply) {
                protect(rule, apply.template());
            } else if (action instanceof ApplyBranding apply) {
                branding = apply.template();
            } else {
                // RemoveEncryption, the only other action there is.
                removeEncryption();
            }
        }

        /** The service can only remove what it put on: its own protection, not S/MIME nor anyone else's. */
        private void removeEncryption() {
            if (facts.protectedByService()) {
                removeEncryption = true;
            } else {
                notes.add("remove encryption skipped: the message is not protected by " + tenant.name());
            }
        }

        private void protect(FlowRule rule, RightsTemplate template) {
            if (!senderInside()) {
                notes.add("'" + rule.name() + "' cannot apply " + template.name() + ": the sender " + facts.sender()
                        + " is outside " + tenant.name() + ", and a rule cannot encrypt mail coming in from outside");
                return;
            }
            protection = template;
            protectingRule = rule.name();
        }

        /** A sender's request (the Encrypt button) counts only when no rule decided on protection. */
        void honourSendersRequest() {
            String asked = facts.requestedTemplate();
            if (asked == null) {
                return;
            }
            Optional<RightsTemplate> known = templates.find(asked);
            if (protection != null) {
                if (!known.map(protection::equals).orElse(false)) {
                    notes.add("the sender asked for " + known.map(RightsTemplate::name).orElse(asked) + ", but '"
                            + protectingRule + "' applied " + protection.name());
                }
            } else if (known.isEmpty()) {
                notes.add("the sender asked for " + asked + ", but " + tenant.name() + " has no rights template of that name");
            } else if (!senderInside()) {
                notes.add("the sender asked for " + known.get().name() + ", but the sender " + facts.sender()
                        + " is outside " + tenant.name());
            } else {
                notes.add("the sender asked for " + known.get().name());
                protection = known.get();
            }
        }

        private boolean senderInside() {
            return !facts.sender().isEmpty() && tenant.isInside(facts.sender());
        }
    }
}
