package org.envelopelab.service.rules.sensitive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UsSocialSecurityNumberTest {

    private static List<Finding> ssns(String text) {
        return SensitiveInfoType.US_SSN.findIn(text, "the body");
    }

    @Test
    void withDashesOrSpacesTheShapeIsEnough() {
        assertThat(ssns("Carol 123-45-6789")).extracting(Finding::masked).containsExactly("***-**-6789");
        assertThat(ssns("Carol 123 45 6789")).extracting(Finding::masked).containsExactly("*** ** 6789");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "000-12-3456",  // area 000 is never issued
            "666-12-3456",  // nor 666
            "900-12-3456",  // nor 900-999
            "999-12-3456",
            "123-00-4567",  // group 00
            "123-45-0000",  // serial 0000
            "123-45 6789",  // separators must agree
            "1234-5-6789"})
    void numbersTheAdministrationNeverIssuesAreNotFound(String number) {
        assertThat(ssns("SSN " + number)).isEmpty();
    }

    @Test
    void nineBareDigitsCountOnlyNextToAKeyword() {
        assertThat(ssns("order 123456789 shipped")).isEmpty();
        assertThat(ssns("SSN: 123456789")).singleElement()
                .satisfies(finding -> {
                    assertThat(finding.masked()).isEqualTo("*****6789");
                    assertThat(finding.detail()).isEqualTo("near 'SSN'");
                });
        assertThat(ssns("123456789 is her Social  Security number")).extracting(Finding::detail)
                .containsExactly("near 'social security number'");
        assertThat(ssns("ss#123456789")).extracting(Finding::detail).containsExactly("near 'SS#'");
    }

    @Test
    void aKeywordFartherThanFiftyCharactersDoesNotVouch() {
        String filler = "x".repeat(60);
        assertThat(ssns("SSN " + filler + " 123456789")).isEmpty();
        assertThat(ssns("SSN" + " ".repeat(46) + "123456789")).hasSize(1);
    }

    @Test
    void aKeywordInsideAnotherWordDoesNotVouch() {
        assertThat(ssns("classnotes 123456789")).isEmpty();
    }

    @Test
    void anSsnShapeInsideALongerNumberIsNotFound() {
        assertThat(ssns("phone 1-123-45-6789")).isEmpty();
        assertThat(ssns("ref 123-45-6789-01")).isEmpty();
    }
}
