package org.envelopelab.scenario.transcript;

import org.envelopelab.routes.ledger.Totals;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The reports people and tools read after a run. */
class ReportWriterTest {

    @Test
    void anAttachmentNameIsPrintedAsWhatItIsNotAsItWouldDisplay() throws Exception {
        // Shown raw, the right-to-left override makes "invoice\u202Efdp.exe" read "invoiceexe.pdf".
        Observation carol = new Observation("statement", Party.recipient("carol@gmail.example"), true, Readability.READABLE,
                Readability.READABLE, Readability.READABLE, List.of("invoice\u202Efdp.exe"), List.of(), "read it");
        Transcript transcript = new Transcript("Disguised file", "inline.yaml", "", 1, "2026-03-02T09:00:00Z", List.of(),
                List.of(), List.of(), List.of(new Transcript.MessageRecord("statement", "<1@contoso.example>",
                "alice@contoso.example", List.of("carol@gmail.example"), List.of(), List.of(), "Invoice", Map.of(),
                List.of(), List.of(), List.of(carol))), List.of(), new Totals(1, 1, 1, 0, 0, 0),
                new Totals(0, 0, 0, 0, 0, 0), List.of(), true);

        String markdown = ReportWriter.markdown(transcript);
        String json = ReportWriter.json(transcript);

        assertThat(markdown).contains("readable (invoicefdp.exe)").doesNotContain("\u202E");
        assertThat(json).contains("\"invoicefdp.exe\"").doesNotContain("\u202E").doesNotContainIgnoringCase("\\u202e");
    }
}
