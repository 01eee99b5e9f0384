package org.envelopelab.scenario.script;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpellingTest {

    private static final List<String> SEND_KEYS = SendReader.KEYS;

    @Test
    void aSwapOfNeighboursIsOneEdit() {
        assertThat(Spelling.distance("sned", "send")).isEqualTo(1);
    }

    @Test
    void suggestsTheNearestKnownName() {
        assertThat(Spelling.closest("tos", SEND_KEYS)).contains("to");
        assertThat(Spelling.closest("Subjet", SEND_KEYS)).contains("subject");
    }

    @Test
    void suggestsNothingWhenEveryNameIsFarAway() {
        assertThat(Spelling.closest("zzz", SEND_KEYS)).isEmpty();
    }

    @Test
    void aOneLetterWordIsNotATypoOfATwoLetterName() {
        assertThat(Spelling.closest("x", List.of("cc", "to"))).isEmpty();
    }

    @Test
    void listsTheKnownNamesWhenNothingIsClose() {
        assertThat(Spelling.unknown("unknown key 'zzz' in read", "zzz", List.of("who", "folder"),
                Spelling.listing("known keys", List.of("who", "folder"))))
                .isEqualTo("unknown key 'zzz' in read (known keys: who, folder)");
    }
}
