package org.envelopelab.service.rules.sensitive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AbaRoutingNumberTest {

    private static List<Finding> routingNumbers(String text) {
        return SensitiveInfoType.ABA_ROUTING_NUMBER.findIn(text, "the body");
    }

    @ParameterizedTest
    @ValueSource(strings = {"routing number 021000021", "ABA: 011000015", "RTN 121000248", "121000248 (routing)"})
    void aValidNumberNextToAKeywordIsFoundShowingItsLastThreeDigits(String text) {
        assertThat(routingNumbers(text)).singleElement().satisfies(finding -> {
            assertThat(finding.masked()).matches("\\*{6}\\d{3}");
            assertThat(finding.detail()).startsWith("checksum valid, near '");
        });
    }

    @Test
    void theTranscriptShowsTheLastThreeDigitsAndTheKeyword() {
        assertThat(routingNumbers("Routing: 021000021"))
                .containsExactly(new Finding(SensitiveInfoType.ABA_ROUTING_NUMBER, "******021", "checksum valid, near 'routing'", "the body"));
    }

    @Test
    void withoutAKeywordNineDigitsAreNotARoutingNumber() {
        assertThat(routingNumbers("invoice 021000021")).isEmpty();
        assertThat(routingNumbers("abalone 021000021")).isEmpty();
        assertThat(routingNumbers("routing" + " ".repeat(60) + "021000021")).isEmpty();
    }

    @Test
    void aWrongChecksumOrPrefixIsNotARoutingNumber() {
        assertThat(AbaRoutingNumber.passesChecksum("021000021")).isTrue();
        assertThat(routingNumbers("routing 021000022")).isEmpty();
        // 150000002 passes the checksum, but 15 is no Federal Reserve routing symbol.
        assertThat(AbaRoutingNumber.passesChecksum("150000002")).isTrue();
        assertThat(routingNumbers("routing 150000002")).isEmpty();
    }
}
