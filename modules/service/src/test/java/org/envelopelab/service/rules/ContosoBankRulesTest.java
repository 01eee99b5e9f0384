package org.envelopelab.service.rules;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.envelopelab.service.rights.RightsTemplate;
import org.envelopelab.service.rules.sensitive.SensitiveInfoType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bank's rule set end to end, on real MIME: newsletters go out untouched; card data going
 * outside is encrypted with the bank's branding; health terms to anyone outside get Do Not
 * Forward; card services' own test mail is exempt.
 */
class ContosoBankRulesTest {

    private static final List<FlowRule> RULES = List.of(
            new FlowRule("Newsletters go out as they are", List.of(new SubjectContains(List.of("newsletter"))), List.of(), List.of(), true),
            new FlowRule("Card data leaving the bank",
                    List.of(new SentTo(Scope.OUTSIDE), new ContainsSensitiveInfo(List.of(SensitiveInfoType.CREDIT_CARD_NUMBER))),
                    List.of(new SubjectContains(List.of("test run"))),
                    List.of(new ApplyProtection(RightsTemplate.ENCRYPT_ONLY), new ApplyBranding("Contoso Bank")), false),
            new FlowRule("Health information",
                    List.of(new SentTo(Scope.OUTSIDE), new ContainsSensitiveInfo(List.of(
                            SensitiveInfoType.keywords("health terms", List.of("diagnosis", "HbA1c", "biopsy"))))),
                    List.of(), List.of(new ApplyProtection(RightsTemplate.DO_NOT_FORWARD)), false));

    private static Evaluation evaluate(MimeMessage message) throws Exception {
        return new RuleEngine(ContosoBank.TENANT).evaluate(RULES, Letters.facts(message));
    }

    private static MimeMessage statement(String subject) throws Exception {
        String csv = "date,description,amount\r\n2024-05-01,Card 4111 1111 1111 1111 payment,-120.00\r\n";
        return Letters.withContent(subject, new MimeMultipart("mixed",
                Letters.textPart("Dear Carol,\r\nyour May statement is attached.\r\n", "plain"),
                Letters.attachment("statement.csv", csv.getBytes(StandardCharsets.US_ASCII), "text/csv", "base64")));
    }

    @Test
    void aStatementWithACardNumberGoingOutsideIsEncryptedWithTheBanksBranding() throws Exception {
        Evaluation evaluation = evaluate(statement("Your May statement"));

        assertThat(evaluation.protection()).isEqualTo(RightsTemplate.ENCRYPT_ONLY);
        assertThat(evaluation.branding()).isEqualTo("Contoso Bank");
        assertThat(evaluation.transcript()).containsExactly("'Card data leaving the bank' applied: a recipient is outside the organization"
                + " (carol@gmail.example) and the attachment statement.csv contains 1 credit card number"
                + " (**** **** **** 1111, Visa, Luhn-valid); so: apply rights protection with Encrypt-Only"
                + " (view, edit, reply, reply-all, forward, print, copy), apply the branding template 'Contoso Bank'");
        assertThat(String.join("\n", evaluation.transcript())).doesNotContain("4111 1111 1111 1111");
    }

    @Test
    void theNewsletterStopsBeforeTheCardRuleEvenWithACardNumberInIt() throws Exception {
        Evaluation evaluation = evaluate(statement("Newsletter: card offers"));

        assertThat(evaluation.matches()).extracting(RuleMatch::rule).containsExactly("Newsletters go out as they are");
        assertThat(evaluation.protection()).isNull();
    }

    @Test
    void cardServicesTestRunsAreExempt() throws Exception {
        Evaluation evaluation = evaluate(statement("Test run: statement layout"));

        assertThat(evaluation.protection()).isNull();
        assertThat(evaluation.notes()).containsExactly(
                "'Card data leaving the bank' did not apply: its exception held (the subject contains 'test run')");
    }

    @Test
    void healthTermsAfterCardDataLeaveTheMessageDoNotForward() throws Exception {
        MimeMessage message = Letters.text("Loan application", "Card 4111-1111-1111-1111. Your HbA1c result is attached.");

        Evaluation evaluation = evaluate(message);

        assertThat(evaluation.matches()).extracting(RuleMatch::rule).containsExactly("Card data leaving the bank", "Health information");
        assertThat(evaluation.protection()).isEqualTo(RightsTemplate.DO_NOT_FORWARD);
        assertThat(evaluation.branding()).isEqualTo("Contoso Bank");
    }

    @Test
    void mailBetweenColleaguesIsLeftAlone() throws Exception {
        MimeMessage message = Letters.text("Card for Bob", "Bob, the test card is 4111 1111 1111 1111.");
        MailFacts toBob = MailFacts.of(Letters.bytes(message), ContosoBank.ALICE, List.of(ContosoBank.BOB));

        Evaluation evaluation = new RuleEngine(ContosoBank.TENANT).evaluate(RULES, toBob);

        assertThat(evaluation.matches()).isEmpty();
        assertThat(evaluation.protection()).isNull();
        assertThat(evaluation.notes()).isEmpty();
    }
}
