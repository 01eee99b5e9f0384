package org.envelopelab.scenario.transcript;

import org.envelopelab.people.evidence.Access;
import org.envelopelab.people.evidence.Evidence;
import org.envelopelab.people.evidence.Party;
import org.envelopelab.people.evidence.Through;
import org.envelopelab.routes.ledger.Totals;
import org.envelopelab.scenario.judge.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The reports people and tools read after a run. */
class ReportWriterTest {

    @Test
    void anAttachmentNameIsPrintedAsWhatItIsNotAsItWouldDisplay() throws Exception {
        // Shown raw, the right-to-left override makes "invoice\u202Efdp.exe" read "invoiceexe.pdf".
        Evidence read = new Evidence(3, Instant.parse("2026-03-02T09:00:00Z"), "statement", Party.recipient("carol@gmail.example"),
                Evidence.Outcome.HELD, Access.READABLE, Access.READABLE, Access.READABLE, List.of("invoice\u202Efdp.exe"),
                List.of(), Through.PLAINTEXT, "", "read it");
        Verdict carol = new Verdict(Party.recipient("carol@gmail.example"), Access.READABLE, Access.READABLE, Access.READABLE,
                List.of("invoice\u202Efdp.exe"), List.of(), "read at step 3", "read it");
        Transcript transcript = new Transcript("Disguised file", "inline.yaml", "", 1, "2026-03-02T09:00:00Z", List.of(),
                List.of(), List.of(), List.of(new Transcript.MessageRecord("statement", "<1@contoso.example>",
                "alice@contoso.example", List.of("carol@gmail.example"), List.of(), List.of(), "Invoice", Map.of(),
                List.of(), List.of(), List.of(carol))), List.of(), List.of(read), new Totals(1, 1, 1, 0, 0, 0),
                new Totals(0, 0, 0, 0, 0, 0), List.of(), true);

        String markdown = ReportWriter.markdown(transcript);
        String json = ReportWriter.json(transcript);

        assertThat(markdown).contains("readable (invoicefdp.exe)").doesNotContain("\u202E");
        assertThat(json).contains("\"invoicefdp.exe\"").doesNotContain("\u202E").doesNotContainIgnoringCase("\\u202e");
    }
}
