package org.envelopelab.service.rules.sensitive;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SensitiveInfoTypeTest {

    @Test
    void builtInTypesHaveTheLabelsScriptsUse() {
        assertThat(SensitiveInfoType.CREDIT_CARD_NUMBER.label()).isEqualTo("credit-card-number");
        assertThat(SensitiveInfoType.US_SSN.label()).isEqualTo("us-ssn");
        assertThat(SensitiveInfoType.ABA_ROUTING_NUMBER.label()).isEqualTo("aba-routing-number");
        assertThat(SensitiveInfoType.ofLabel("US-SSN")).isEqualTo(SensitiveInfoType.US_SSN);
        assertThat(SensitiveInfoType.ofLabel("credit-card-number")).isEqualTo(new CreditCardNumber());
    }

    @Test
    void anUnknownLabelListsTheKnownOnes() {
        assertThatThrownBy(() -> SensitiveInfoType.ofLabel("passport"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown sensitive information type 'passport' (types: credit-card-number, us-ssn, aba-routing-number;"
                        + " or a keyword dictionary with its words)");
    }

    @Test
    void countsReadAsEnglish() {
        assertThat(SensitiveInfoType.counted(SensitiveInfoType.CREDIT_CARD_NUMBER, 1)).isEqualTo("1 credit card number");
        assertThat(SensitiveInfoType.counted(SensitiveInfoType.US_SSN, 2)).isEqualTo("2 US social security numbers");
        assertThat(SensitiveInfoType.one(SensitiveInfoType.ABA_ROUTING_NUMBER)).isEqualTo("an ABA routing number");
        assertThat(SensitiveInfoType.one(SensitiveInfoType.US_SSN)).isEqualTo("a US social security number");
    }
}
