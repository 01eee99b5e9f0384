package org.envelopelab.service.rules.sensitive;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeywordDictionaryTest {

    private static final SensitiveInfoType HEALTH = SensitiveInfoType.keywords("health terms",
            List.of("diagnosis", "HbA1c", "biopsy", "blood test"));

    @Test
    void wordsAreFoundInAnyCaseAndShownAsTheDictionarySpellsThem() {
        assertThat(HEALTH.findIn("HBA1C 6.1 %; the DIAGNOSIS is clear", "the body"))
                .extracting(Finding::masked)
                .containsExactly("HbA1c", "diagnosis");
    }

    @Test
    void onlyWholeWordsCount() {
        assertThat(HEALTH.findIn("prediagnosis, biopsying, hba1cx", "the body")).isEmpty();
        assertThat(HEALTH.findIn("(biopsy)", "the body")).hasSize(1);
    }

    @Test
    void aPhraseMatchesAcrossLineBreaks() {
        assertThat(HEALTH.findIn("a blood\r\n  test tomorrow", "the body")).extracting(Finding::masked).containsExactly("blood test");
    }

    @Test
    void everyOccurrenceCounts() {
        assertThat(HEALTH.findIn("biopsy, biopsy, Biopsy", "the attachment notes.txt"))
                .hasSize(3)
                .allSatisfy(finding -> assertThat(finding.where()).isEqualTo("the attachment notes.txt"));
    }

    @Test
    void theDictionaryIsNamedByItsNameAndMustHaveWords() {
        assertThat(HEALTH.label()).isEqualTo("health terms");
        assertThat(SensitiveInfoType.counted(HEALTH, 2)).isEqualTo("2 terms from the dictionary 'health terms'");
        assertThatThrownBy(() -> SensitiveInfoType.keywords("empty", List.of()))
                .hasMessage("the keyword dictionary 'empty' has no words");
        assertThatThrownBy(() -> SensitiveInfoType.keywords(" ", List.of("x"))).hasMessage("a keyword dictionary needs a name");
    }
}
