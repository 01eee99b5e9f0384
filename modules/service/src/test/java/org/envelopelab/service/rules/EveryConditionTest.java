package org.envelopelab.service.rules;

import org.envelopelab.service.rights.RightsTemplate;
import org.envelopelab.service.rules.sensitive.SensitiveInfoType;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envelopelab.service.rules.ContosoBank.ALICE;
import static org.envelopelab.service.rules.ContosoBank.BOB;
import static org.envelopelab.service.rules.ContosoBank.CAROL;

/**
 * Every kind of condition, once as a rule's condition and once as its exception, each with a
 * message it holds for and one it does not.
 */
class EveryConditionTest {

    static Stream<Arguments> conditions() {
        return Stream.of(
                row(new SentTo(Scope.OUTSIDE), Mail.to(BOB, CAROL), Mail.to(BOB)),
                row(new SentTo(Scope.INSIDE), Mail.to(CAROL, BOB), Mail.to(CAROL)),
                row(new RecipientIs(List.of("Carol@Gmail.example")), Mail.to(BOB, CAROL), Mail.to(BOB)),
                row(new RecipientDomainIs(List.of("gmail.example")), Mail.to(CAROL), Mail.to("carol@gmail.example.net")),
                row(new SenderIs(List.of(ALICE)), Mail.from(ALICE).andTo(BOB), Mail.from(BOB).andTo(ALICE)),
                row(new SenderDomainIs(List.of("contoso.example")), Mail.from("eve@contoso.example").andTo(BOB),
                        Mail.from("eve@notcontoso.example").andTo(BOB)),
                row(new SenderInGroup("card-services"), Mail.from(ALICE).andTo(CAROL), Mail.from(BOB).andTo(CAROL)),
                row(new SubjectContains(List.of("confidential")), Mail.to(BOB).subject("CONFIDENTIAL: Q3"),
                        Mail.to(BOB).subject("on confidentiality")),
                row(new SubjectMatches("invoice\\s+\\d{4}"), Mail.to(BOB).subject("Your Invoice 2024"),
                        Mail.to(BOB).subject("Your invoice")),
                row(new BodyContains(List.of("wire transfer")), Mail.to(BOB).body("please send a\r\nwire  transfer today"),
                        Mail.to(BOB).body("please transfer the wire")),
                row(new BodyMatches("acct-\\d+"), Mail.to(BOB).body("see ACCT-123"), Mail.to(BOB).body("see acct-x")),
                row(new SubjectOrBodyContains(List.of("merger")), Mail.to(BOB).body("about the merger"),
                        Mail.to(BOB).subject("mergers").body("nothing")),
                row(new ContainsSensitiveInfo(List.of(SensitiveInfoType.CREDIT_CARD_NUMBER)),
                        Mail.to(BOB).body("card 4111 1111 1111 1111"), Mail.to(BOB).body("card 4111 1111 1111 1112")),
                row(new HasAttachment(), Mail.to(BOB).attach("logo.png", "image/png", null), Mail.to(BOB)));
    }

    private static Arguments row(Condition condition, Mail holds, Mail doesNotHold) {
        return Arguments.of(Named.of(condition.describe(), condition), holds.facts(), doesNotHold.facts());
    }

    @ParameterizedTest
    @MethodSource("conditions")
    void asAConditionTheRuleAppliesOnlyWhenItHolds(Condition condition, MailFacts holds, MailFacts doesNotHold) {
        FlowRule rule = Rules.protect("Rule", RightsTemplate.ENCRYPT_ONLY, condition);

        Evaluation applied = Rules.evaluate(holds, rule);
        assertThat(applied.matches()).singleElement().satisfies(match -> assertThat(match.reasons()).isNotEmpty());
        assertThat(applied.protection()).isEqualTo(RightsTemplate.ENCRYPT_ONLY);

        Evaluation notApplied = Rules.evaluate(doesNotHold, rule);
        assertThat(notApplied.matches()).isEmpty();
        assertThat(notApplied.protection()).isNull();
    }

    @ParameterizedTest
    @MethodSource("conditions")
    void asAnExceptionItKeepsTheRuleFromApplyingOnlyWhenItHolds(Condition exception, MailFacts holds, MailFacts doesNotHold) {
        FlowRule rule = new FlowRule("Rule", List.of(), List.of(exception), List.of(new ApplyBranding("Contoso Bank")), false);

        Evaluation excepted = Rules.evaluate(holds, rule);
        assertThat(excepted.matches()).isEmpty();
        assertThat(excepted.branding()).isNull();
        assertThat(excepted.notes()).singleElement().asString().startsWith("'Rule' did not apply: its exception held (");

        Evaluation applied = Rules.evaluate(doesNotHold, rule);
        assertThat(applied.matches()).extracting(RuleMatch::rule).containsExactly("Rule");
        assertThat(applied.branding()).isEqualTo("Contoso Bank");
    }
}
