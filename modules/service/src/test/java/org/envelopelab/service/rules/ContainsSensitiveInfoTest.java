package org.envelopelab.service.rules;

import org.envelopelab.service.rules.sensitive.SensitiveInfoType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.envelopelab.service.rules.ContosoBank.CAROL;

/** The sensitive information condition: counts across body and attachments, reasons place by place, masked. */
class ContainsSensitiveInfoTest {

    private static final SensitiveInfoType HEALTH = SensitiveInfoType.keywords("health terms", List.of("diagnosis", "HbA1c", "biopsy"));

    @Test
    void aCardNumberInTheBodyIsReportedMasked() {
        MailFacts facts = Mail.to(CAROL).body("Your new card: 4111 1111 1111 1111, valid until 12/29.").facts();

        assertThat(Rules.holds(new ContainsSensitiveInfo(List.of(SensitiveInfoType.CREDIT_CARD_NUMBER)), facts).reasons())
                .containsExactly("the body contains 1 credit card number (**** **** **** 1111, Visa, Luhn-valid)");
    }

    @Test
    void aSocialSecurityNumberInACsvAttachmentIsReportedWithTheAttachmentsName() {
        MailFacts facts = Mail.to(CAROL).body("Statement attached.")
                .attach("statement.csv", "text/csv", "name,ssn\nCarol Clark,123-45-6789\n").facts();

        assertThat(Rules.holds(new ContainsSensitiveInfo(List.of(SensitiveInfoType.US_SSN)), facts).reasons())
                .containsExactly("the attachment statement.csv contains 1 US social security number (***-**-6789)");
    }

    @Test
    void theMinimumCountIsOverTheWholeMessage() {
        MailFacts facts = Mail.to(CAROL)
                .body("Card 4111-1111-1111-1111")
                .attach("cards.txt", "text/plain", "5555 5555 5555 4444\n378282246310005")
                .facts();
        ContainsSensitiveInfo threeCards = new ContainsSensitiveInfo(List.of(SensitiveInfoType.CREDIT_CARD_NUMBER), 3);
        ContainsSensitiveInfo fourCards = new ContainsSensitiveInfo(List.of(SensitiveInfoType.CREDIT_CARD_NUMBER), 4);

        assertThat(Rules.holds(threeCards, facts).reasons()).containsExactly(
                "the body contains 1 credit card number (****-****-****-1111, Visa, Luhn-valid)",
                "the attachment cards.txt contains 2 credit card numbers (**** **** **** 4444, Mastercard, Luhn-valid; "
                        + "***********0005, American Express, Luhn-valid)");
        assertThat(Rules.holds(fourCards, facts)).isNull();
    }

    @Test
    void anyOfSeveralTypesIsEnoughAndOnlyTheTypesThatReachTheCountAreReported() {
        MailFacts facts = Mail.to(CAROL).body("HbA1c 6.1; diagnosis: fine. Diagnosis again. SSN 123-45-6789").facts();
        ContainsSensitiveInfo twoOfAny = new ContainsSensitiveInfo(List.of(SensitiveInfoType.US_SSN, HEALTH), 2);

        assertThat(Rules.holds(twoOfAny, facts).reasons())
                .containsExactly("the body contains 3 terms from the dictionary 'health terms' (HbA1c, diagnosis ×2)");
        assertThat(twoOfAny.describe())
                .isEqualTo("the message contains at least 2 US social security numbers or at least 2 terms from the dictionary 'health terms'");
        assertThat(new ContainsSensitiveInfo(List.of(SensitiveInfoType.ABA_ROUTING_NUMBER, SensitiveInfoType.CREDIT_CARD_NUMBER)).describe())
                .isEqualTo("the message contains an ABA routing number or a credit card number");
    }

    @Test
    void noReasonEverShowsAFullNumber() {
        List<String> numbers = List.of("4111111111111111", "5555555555554444", "378282246310005", "123456789", "021000021");
        MailFacts facts = Mail.to(CAROL)
                .body("cards 4111111111111111 and 5555-5555-5555-4444, amex 3782 822463 10005")
                .attach("ids.txt", "text/plain", "SSN 123456789, 123-45-6789; routing 021000021")
                .facts();
        ContainsSensitiveInfo everything = new ContainsSensitiveInfo(List.of(SensitiveInfoType.CREDIT_CARD_NUMBER,
                SensitiveInfoType.US_SSN, SensitiveInfoType.ABA_ROUTING_NUMBER));

        List<String> reasons = Rules.holds(everything, facts).reasons();

        assertThat(reasons).hasSize(3);
        for (String reason : reasons) {
            String digitsOnly = reason.replaceAll("[^0-9]", "");
            numbers.forEach(number -> assertThat(digitsOnly).doesNotContain(number));
            assertThat(reason).doesNotContainPattern("\\d{5}");
        }
    }

    @Test
    void attachmentsWithoutTextAreNotSearched() {
        MailFacts facts = Mail.to(CAROL).attach("card.png", "image/png", null).facts();

        assertThat(Rules.holds(new ContainsSensitiveInfo(List.of(SensitiveInfoType.CREDIT_CARD_NUMBER)), facts)).isNull();
    }

    @Test
    void theConditionNeedsTypesAndAPositiveCount() {
        assertThatThrownBy(() -> new ContainsSensitiveInfo(List.of()))
                .hasMessage("the condition needs at least one sensitive information type");
        assertThatThrownBy(() -> new ContainsSensitiveInfo(List.of(SensitiveInfoType.US_SSN), 0))
                .hasMessage("the minimum count must be at least 1, not 0");
    }
}
