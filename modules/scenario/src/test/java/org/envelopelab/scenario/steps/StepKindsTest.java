package org.envelopelab.scenario.steps;

import org.envelopelab.scenario.script.Step;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StepKindsTest {

    @Test
    void theFormatReferenceListsEveryKindWithTheRegistrysOwnLine() throws Exception {
        String reference = Files.readString(Path.of("../../scenarios/README.md"));

        for (StepKind<?> kind : StepKinds.ALL) {
            assertThat(reference).as("scenarios/README.md lists '%s' as the registry does", kind.key())
                    .contains("- " + kind.reference() + "\n");
        }
    }

    @Test
    void everyKeyIsUniqueAndEveryStepRecordHasExactlyOneKind() {
        assertThat(StepKinds.keys()).doesNotHaveDuplicates();
        for (Class<?> record : List.of(Step.Note.class, Step.Send.class, Step.Wait.class, Step.Read.class,
                Step.ExchangeCertificates.class, Step.PublishCertificate.class, Step.RevokeCertificate.class,
                Step.Portal.class, Step.Forward.class, Step.Revoke.class, Step.AdvanceClock.class,
                Step.ExpectMailbox.class, Step.ExpectParty.class, Step.ExpectOutcome.class)) {
            assertThat(StepKinds.ALL.stream().filter(kind -> kind.type().isAssignableFrom(record)))
                    .as(record.getSimpleName()).hasSize(1);
        }
    }
}
