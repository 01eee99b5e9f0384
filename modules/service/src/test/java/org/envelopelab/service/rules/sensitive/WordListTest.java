package org.envelopelab.service.rules.sensitive;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What WordList finds does not depend on how quickly it skips the text that cannot match. */
class WordListTest {

    @Test
    void wordsStartingWithPunctuationOrDigitsAreFoundToo() {
        WordList list = new WordList(List.of("#urgent", "401(k)", "ABA#"));

        assertThat(list.foundIn("Re: #URGENT, your 401(K) and ABA# 021000021")).containsExactly("#urgent", "401(k)", "ABA#");
    }

    @Test
    void caseIsFoldedAsJavaFoldsItEvenForTheFirstLetter() {
        // U+017F LATIN SMALL LETTER LONG S is an 's' to Unicode case-insensitive matching; U+00C9 É is é.
        WordList list = new WordList(List.of("ssn", "été"));

        assertThat(list.foundIn("\u017FSN and \u00C9T\u00C9")).containsExactly("ssn", "été");
    }

    @Test
    void aWindowStillSeesOnlyWholeWordsInside() {
        WordList list = new WordList(List.of("routing"));
        String text = "prerouting routing";

        assertThat(list.firstBetween(text, 0, 10)).isEmpty();
        assertThat(list.firstBetween(text, 3, 18)).contains("routing");
        assertThat(list.occurrencesIn(text)).extracting(WordList.Occurrence::start).containsExactly(11);
    }
}
