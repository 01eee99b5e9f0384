package org.envelopelab.smime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EfailLessonTest {

    @Test
    void anAttackerWithoutTheKeyChoosesTheFirstBlockOfACbcMessage() throws Exception {
        EfailReport report = EfailLesson.run(People.BOB);

        assertThat(report.knownBlock()).isEqualTo("Content-Type: te");
        assertThat(report.chosenBlock()).isEqualTo("<img src=\"http:/");
        assertThat(report.cbcDecryptedWithoutError()).isTrue();
        assertThat(report.cbcFirstBlockAfterAttack()).isEqualTo(report.chosenBlock());
    }

    @Test
    void theSameChangeToAGcmMessageFailsTheTagCheck() throws Exception {
        EfailReport report = EfailLesson.run(People.CAROL);

        assertThat(report.gcmOutcome()).isEqualTo("the authentication tag does not match: the ciphertext was changed");
        assertThat(report.aeadStoppedWhatCbcAllowed()).isTrue();
    }

    @Test
    void theNarrationTellsStudentsWhatHappened() throws Exception {
        EfailReport report = EfailLesson.run();

        assertThat(report.narrate().lines().toList()).hasSizeGreaterThanOrEqualTo(5)
                .anySatisfy(line -> assertThat(line).contains("decrypts it without any error").contains("<img src=\"http:/"))
                .anySatisfy(line -> assertThat(line).contains("AES-256-GCM").contains("the authentication tag does not match"));
    }
}
