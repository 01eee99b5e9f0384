package org.envelopelab.service.rules;

import org.envelopelab.service.rights.Right;
import org.envelopelab.service.rights.RightsTemplate;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envelopelab.service.rules.ContosoBank.ALICE;
import static org.envelopelab.service.rules.ContosoBank.BOB;
import static org.envelopelab.service.rules.ContosoBank.CAROL;

class RuleEngineTest {

    private static final FlowRule OUTSIDE_ENCRYPT = Rules.protect("Outside", RightsTemplate.ENCRYPT_ONLY, new SentTo(Scope.OUTSIDE));
    private static final FlowRule CONFIDENTIAL_DO_NOT_FORWARD = Rules.protect("Confidential", RightsTemplate.DO_NOT_FORWARD,
            new SubjectContains(List.of("confidential")));

    @Test
    void rulesAreEvaluatedInOrderAndEveryMatchingRuleIsListed() {
        MailFacts facts = Mail.to(CAROL).subject("Confidential offer").facts();

        Evaluation evaluation = Rules.evaluate(facts, OUTSIDE_ENCRYPT, Rules.brand("Brand", "Contoso Bank"), CONFIDENTIAL_DO_NOT_FORWARD);

        assertThat(evaluation.matches()).extracting(RuleMatch::rule).containsExactly("Outside", "Brand", "Confidential");
        assertThat(evaluation.matches().get(0)).isEqualTo(new RuleMatch("Outside",
                List.of("a recipient is outside the organization (carol@gmail.example)"),
                List.of("apply rights protection with Encrypt-Only (view, edit, reply, reply-all, forward, print, copy)")));
    }

    @Test
    void aLaterRuleOverridesAnEarlierRulesProtectionAndBranding() {
        MailFacts facts = Mail.to(CAROL).subject("Confidential offer").facts();

        Evaluation evaluation = Rules.evaluate(facts,
                OUTSIDE_ENCRYPT, Rules.brand("Bank brand", "Contoso Bank"),
                CONFIDENTIAL_DO_NOT_FORWARD, Rules.brand("Legal brand", "Contoso Legal"));

        assertThat(evaluation.protection()).isEqualTo(RightsTemplate.DO_NOT_FORWARD);
        assertThat(evaluation.branding()).isEqualTo("Contoso Legal");
    }

    @Test
    void theOrderDecidesWhichProtectionWins() {
        MailFacts facts = Mail.to(CAROL).subject("Confidential offer").facts();

        assertThat(Rules.evaluate(facts, CONFIDENTIAL_DO_NOT_FORWARD, OUTSIDE_ENCRYPT).protection()).isEqualTo(RightsTemplate.ENCRYPT_ONLY);
    }

    @Test
    void stopProcessingEndsTheEvaluationAfterAMatchingRule() {
        MailFacts newsletter = Mail.to(CAROL).subject("Newsletter: confidential tips").facts();
        FlowRule newsletters = Rules.stop("Newsletters", new SubjectContains(List.of("newsletter")));

        Evaluation evaluation = Rules.evaluate(newsletter, newsletters, OUTSIDE_ENCRYPT, CONFIDENTIAL_DO_NOT_FORWARD);

        assertThat(evaluation.matches()).singleElement().isEqualTo(new RuleMatch("Newsletters",
                List.of("the subject contains 'newsletter'"), List.of("stop processing more rules")));
        assertThat(evaluation.protection()).isNull();
    }

    @Test
    void aStoppingRuleThatDoesNotMatchStopsNothing() {
        MailFacts facts = Mail.to(CAROL).subject("Statement").facts();

        Evaluation evaluation = Rules.evaluate(facts, Rules.stop("Newsletters", new SubjectContains(List.of("newsletter"))), OUTSIDE_ENCRYPT);

        assertThat(evaluation.matches()).extracting(RuleMatch::rule).containsExactly("Outside");
    }

    @Test
    void aRuleWithoutConditionsAppliesToAllMail() {
        FlowRule brandEverything = Rules.brand("Brand everything", "Contoso Bank");

        Evaluation evaluation = Rules.evaluate(Mail.to(BOB).facts(), brandEverything);

        assertThat(evaluation.matches()).singleElement().isEqualTo(new RuleMatch("Brand everything",
                List.of("the rule has no conditions, so it applies to all mail"), List.of("apply the branding template 'Contoso Bank'")));
        assertThat(evaluation.branding()).isEqualTo("Contoso Bank");
    }

    @Test
    void allConditionsMustHold() {
        FlowRule outsideAndConfidential = Rules.protect("Both", RightsTemplate.DO_NOT_FORWARD,
                new SentTo(Scope.OUTSIDE), new SubjectContains(List.of("confidential")));

        assertThat(Rules.evaluate(Mail.to(CAROL).subject("Confidential").facts(), outsideAndConfidential).matches())
                .singleElement().extracting(RuleMatch::reasons, InstanceOfAssertFactories.list(String.class))
                .containsExactly("a recipient is outside the organization (carol@gmail.example)", "the subject contains 'confidential'");
        assertThat(Rules.evaluate(Mail.to(CAROL).subject("Hello").facts(), outsideAndConfidential).matches()).isEmpty();
        assertThat(Rules.evaluate(Mail.to(BOB).subject("Confidential").facts(), outsideAndConfidential).matches()).isEmpty();
    }

    @Test
    void anyExceptionThatHoldsKeepsTheRuleFromApplyingAndTheNoteSaysWhy() {
        FlowRule rule = new FlowRule("Outside", List.of(new SentTo(Scope.OUTSIDE)),
                List.of(new SubjectContains(List.of("public")), new SenderInGroup("card-services")),
                List.of(new ApplyProtection(RightsTemplate.ENCRYPT_ONLY)), false);

        Evaluation evaluation = Rules.evaluate(Mail.from(ALICE).andTo(CAROL).subject("Statement").facts(), rule);

        assertThat(evaluation.matches()).isEmpty();
        assertThat(evaluation.protection()).isNull();
        assertThat(evaluation.notes()).containsExactly("'Outside' did not apply: its exception held (the sender is in group card-services)");
        assertThat(Rules.evaluate(Mail.from(BOB).andTo(CAROL).subject("Statement").facts(), rule).protection())
                .isEqualTo(RightsTemplate.ENCRYPT_ONLY);
    }

    @Test
    void removeEncryptionWorksOnlyOnMailThisTenantProtected() {
        FlowRule decryptInbound = new FlowRule("Decrypt for archive", List.of(new SentTo(Scope.INSIDE)), List.of(),
                List.of(new RemoveEncryption()), false);

        Evaluation ours = Rules.evaluate(Mail.to(BOB).protectedByService().facts(), decryptInbound);
        Evaluation notOurs = Rules.evaluate(Mail.to(BOB).facts(), decryptInbound);

        assertThat(ours.removeEncryption()).isTrue();
        assertThat(ours.notes()).isEmpty();
        assertThat(notOurs.removeEncryption()).isFalse();
        assertThat(notOurs.matches()).extracting(RuleMatch::rule).containsExactly("Decrypt for archive");
        assertThat(notOurs.notes()).containsExactly("remove encryption skipped: the message is not protected by Contoso Bank");
    }

    @Test
    void removeEncryptionCannotOpenSmimeMail() {
        FlowRule decrypt = new FlowRule("Decrypt", List.of(), List.of(), List.of(new RemoveEncryption()), false);

        Evaluation evaluation = Rules.evaluate(Mail.to(BOB).smimeEncrypted().facts(), decrypt);

        assertThat(evaluation.removeEncryption()).isFalse();
        assertThat(evaluation.notes()).containsExactly("remove encryption skipped: the message is not protected by Contoso Bank");
    }

    @Test
    void whatTheSenderAskedForIsAppliedWhenNoRuleDecides() {
        Evaluation evaluation = Rules.evaluate(Mail.to(CAROL).asking("do-not-forward").facts(), Rules.brand("Brand", "Contoso Bank"));

        assertThat(evaluation.protection()).isEqualTo(RightsTemplate.DO_NOT_FORWARD);
        assertThat(evaluation.notes()).containsExactly("the sender asked for Do Not Forward");
    }

    @Test
    void aRulesProtectionWinsOverTheSendersRequestAndTheNoteSaysSo() {
        Evaluation evaluation = Rules.evaluate(Mail.to(CAROL).asking("Do Not Forward").facts(), OUTSIDE_ENCRYPT);

        assertThat(evaluation.protection()).isEqualTo(RightsTemplate.ENCRYPT_ONLY);
        assertThat(evaluation.notes()).containsExactly("the sender asked for Do Not Forward, but 'Outside' applied Encrypt-Only");
    }

    @Test
    void aRequestForATemplateTheTenantLacksIsNoted() {
        Evaluation evaluation = Rules.evaluate(Mail.to(CAROL).asking("Board Only").facts());

        assertThat(evaluation.protection()).isNull();
        assertThat(evaluation.notes()).containsExactly("the sender asked for Board Only, but Contoso Bank has no rights template of that name");
    }

    @Test
    void customTemplatesCanBeAskedForThroughTheCatalog() {
        RightsTemplate boardOnly = new RightsTemplate("Board Only", EnumSet.of(Right.VIEW, Right.REPLY));
        RuleEngine engine = new RuleEngine(ContosoBank.TENANT, new TemplateCatalog(List.of(boardOnly)));

        Evaluation evaluation = engine.evaluate(List.of(), Mail.to(BOB).asking("board only").facts());

        assertThat(evaluation.protection()).isEqualTo(boardOnly);
        assertThat(evaluation.notes()).containsExactly("the sender asked for Board Only");
    }

    @Test
    void mailFromOutsideCannotBeEncryptedByARule() {
        FlowRule everything = Rules.protect("Everything", RightsTemplate.ENCRYPT_ONLY);

        Evaluation evaluation = Rules.evaluate(Mail.from(CAROL).andTo(BOB).asking("Encrypt-Only").facts(), everything);

        assertThat(evaluation.matches()).extracting(RuleMatch::rule).containsExactly("Everything");
        assertThat(evaluation.protection()).isNull();
        assertThat(evaluation.notes()).containsExactly(
                "'Everything' cannot apply Encrypt-Only: the sender carol@gmail.example is outside Contoso Bank,"
                        + " and a rule cannot encrypt mail coming in from outside",
                "the sender asked for Encrypt-Only, but the sender carol@gmail.example is outside Contoso Bank");
    }

    @Test
    void theTranscriptListsTheMatchesThenTheNotes() {
        Evaluation evaluation = Rules.evaluate(Mail.to(CAROL).facts(), OUTSIDE_ENCRYPT,
                new FlowRule("Decrypt", List.of(), List.of(), List.of(new RemoveEncryption()), true));

        assertThat(evaluation.transcript()).containsExactly(
                "'Outside' applied: a recipient is outside the organization (carol@gmail.example); so: apply rights protection with"
                        + " Encrypt-Only (view, edit, reply, reply-all, forward, print, copy)",
                "'Decrypt' applied: the rule has no conditions, so it applies to all mail; so: remove encryption, stop processing more rules",
                "remove encryption skipped: the message is not protected by Contoso Bank");
    }
}
