package org.envelopelab.service.rules;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.envelopelab.service.rights.RightsTemplate;
import org.envelopelab.service.rules.sensitive.SensitiveInfoType;
import org.envelopelab.smime.EncryptionOptions;
import org.envelopelab.smime.Smime;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The S/MIME lesson on the service side: mail encrypted end to end is as closed to the
 * organization's rules as to anyone else. Envelope and subject conditions still work; content
 * conditions cannot, and the transcript says so.
 */
class SmimeOpaqueMailTest {

    private static final String BLIND = "the message is S/MIME-encrypted: the service cannot see its body, so ";
    private static final ContainsSensitiveInfo CARD = new ContainsSensitiveInfo(List.of(SensitiveInfoType.CREDIT_CARD_NUMBER));

    private static MailFacts encrypted;

    @BeforeAll
    static void encryptAStatementForCarol() throws Exception {
        MimeMultipart mixed = new MimeMultipart("mixed", Letters.textPart("Card 4111 1111 1111 1111", "plain"),
                Letters.attachment("statement.csv", "ssn\r\n123-45-6789\r\n".getBytes(StandardCharsets.US_ASCII), "text/csv", "base64"));
        MimeMessage message = Smime.encrypt(Letters.withContent("Confidential: your statement", mixed),
                List.of(Letters.CAROL_SMIME.certificate()), EncryptionOptions.defaults());
        encrypted = Letters.facts(message);
    }

    @Test
    void contentConditionsDoNotMatchAndTheNoteSaysWhichCouldNotBeTested() {
        FlowRule cards = Rules.protect("Cards", RightsTemplate.ENCRYPT_ONLY, new SentTo(Scope.OUTSIDE), CARD);
        FlowRule health = Rules.brand("Health", "Contoso Health", new BodyContains(List.of("diagnosis")));
        FlowRule attachments = Rules.brand("Attachments", "Contoso Bank", new HasAttachment());

        Evaluation evaluation = Rules.evaluate(encrypted, cards, health, attachments);

        assertThat(evaluation.matches()).isEmpty();
        assertThat(evaluation.protection()).isNull();
        assertThat(evaluation.notes()).containsExactly(
                BLIND + "'Cards' could not test the condition \"the message contains a credit card number\"",
                BLIND + "'Health' could not test the condition \"the body or a text attachment contains any of 'diagnosis'\"",
                BLIND + "'Attachments' could not test the condition \"the message has an attachment\"");
    }

    @Test
    void envelopeAndSubjectConditionsStillWork() {
        FlowRule outside = Rules.brand("Outside", "Contoso Bank", new SentTo(Scope.OUTSIDE), new RecipientIs(List.of(ContosoBank.CAROL)),
                new SenderInGroup("card-services"), new SenderDomainIs(List.of("contoso.example")));
        FlowRule subject = Rules.protect("Subject", RightsTemplate.DO_NOT_FORWARD, new SubjectContains(List.of("confidential")),
                new SubjectMatches("statement$"));

        Evaluation evaluation = Rules.evaluate(encrypted, outside, subject);

        assertThat(evaluation.matches()).extracting(RuleMatch::rule).containsExactly("Outside", "Subject");
        assertThat(evaluation.protection()).isEqualTo(RightsTemplate.DO_NOT_FORWARD);
        assertThat(evaluation.notes()).isEmpty();
    }

    @Test
    void subjectOrBodyMatchesOnTheSubjectAloneAndOtherwiseCannotTell() {
        FlowRule statement = Rules.brand("Statement", "Contoso Bank", new SubjectOrBodyContains(List.of("statement")));
        FlowRule merger = Rules.brand("Merger", "Contoso Bank", new SubjectOrBodyContains(List.of("merger")));

        Evaluation evaluation = Rules.evaluate(encrypted, statement, merger);

        assertThat(evaluation.matches()).singleElement().isEqualTo(new RuleMatch("Statement",
                List.of("the subject contains 'statement'"), List.of("apply the branding template 'Contoso Bank'")));
        assertThat(evaluation.notes()).containsExactly(
                BLIND + "'Merger' could not test the condition \"the subject, body or a text attachment contains any of 'merger'\"");
    }

    @Test
    void noNoteWhenAnotherConditionAlreadyRulesTheMessageOut() {
        FlowRule inside = Rules.protect("Inside cards", RightsTemplate.ENCRYPT_ONLY, new SentTo(Scope.INSIDE), CARD);
        MailFacts toCarolOnly = new MailFacts(encrypted.sender(), List.of(ContosoBank.CAROL), encrypted.subject(), "", List.of(),
                true, false, null);

        assertThat(Rules.evaluate(toCarolOnly, inside).notes()).isEmpty();
    }

    @Test
    void anExceptionThatCannotLookDoesNotHoldAndTheNoteSaysSo() {
        FlowRule rule = new FlowRule("Outside", List.of(new SentTo(Scope.OUTSIDE)), List.of(new BodyContains(List.of("public"))),
                List.of(new ApplyBranding("Contoso Bank")), false);

        Evaluation evaluation = Rules.evaluate(encrypted, rule);

        assertThat(evaluation.branding()).isEqualTo("Contoso Bank");
        assertThat(evaluation.notes()).containsExactly(
                BLIND + "'Outside' could not test the exception \"the body or a text attachment contains any of 'public'\"");
    }

    @Test
    void theSameRulesSeeEverythingInTheSameMessageUnencrypted() throws Exception {
        MimeMultipart mixed = new MimeMultipart("mixed", Letters.textPart("Card 4111 1111 1111 1111", "plain"),
                Letters.attachment("statement.csv", "ssn\r\n123-45-6789\r\n".getBytes(StandardCharsets.US_ASCII), "text/csv", "base64"));
        MailFacts plain = Letters.facts(Letters.withContent("Confidential: your statement", mixed));
        FlowRule cards = Rules.protect("Cards", RightsTemplate.ENCRYPT_ONLY, new SentTo(Scope.OUTSIDE),
                new ContainsSensitiveInfo(List.of(SensitiveInfoType.CREDIT_CARD_NUMBER, SensitiveInfoType.US_SSN)));

        Evaluation evaluation = Rules.evaluate(plain, cards);

        assertThat(evaluation.matches()).singleElement().extracting(RuleMatch::reasons, InstanceOfAssertFactories.list(String.class)).containsExactly(
                "a recipient is outside the organization (carol@gmail.example)",
                "the body contains 1 credit card number (**** **** **** 1111, Visa, Luhn-valid)",
                "the attachment statement.csv contains 1 US social security number (***-**-6789)");
    }
}
