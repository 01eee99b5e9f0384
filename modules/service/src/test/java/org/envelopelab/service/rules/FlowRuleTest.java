package org.envelopelab.service.rules;

import org.envelopelab.service.rights.RightsTemplate;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlowRuleTest {

    @Test
    void aRuleReadsAsAnAdminWroteIt() {
        FlowRule rule = new FlowRule("Cards out", List.of(new SentTo(Scope.OUTSIDE), new SubjectContains(List.of("statement"))),
                List.of(new SenderInGroup("marketing")),
                List.of(new ApplyProtection(RightsTemplate.DO_NOT_FORWARD), new ApplyBranding("Contoso Bank")), true);

        assertThat(rule.describe()).isEqualTo("'Cards out': if a recipient is outside the organization and the subject contains any of"
                + " 'statement', except if the sender is in group marketing, then apply rights protection with Do Not Forward"
                + " (view, reply, reply-all) and apply the branding template 'Contoso Bank' and stop processing more rules");
        assertThat(Rules.stop("Stop").describe()).isEqualTo("'Stop': for all mail, then stop processing more rules");
    }

    @Test
    void aRuleNeedsANameAndSomethingToDo() {
        assertThatThrownBy(() -> new FlowRule(" ", List.of(), List.of(), List.of(new RemoveEncryption()), false))
                .hasMessage("a mail flow rule needs a name");
        assertThatThrownBy(() -> new FlowRule("Idle", List.of(new HasAttachment()), List.of(), List.of(), false))
                .hasMessage("the rule 'Idle' does nothing: give it an action or make it stop processing");
        assertThatThrownBy(() -> new ApplyBranding("")).hasMessage("the branding action needs a template name");
    }
}
