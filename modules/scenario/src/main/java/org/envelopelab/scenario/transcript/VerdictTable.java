package org.envelopelab.scenario.transcript;

import org.envelopelab.people.evidence.Access;
import org.envelopelab.scenario.judge.Verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * The "who could read what" table of one message, in fixed-width text for a terminal: one row
 * per party, a mark per part, the secrets each party saw and how its access went, with the
 * legend of the marks under it.
 */
public final class VerdictTable {

    private static final String[] HEADINGS = {"party", "headers", "body", "attachments", "secrets seen", "when"};

    private VerdictTable() {
    }

    public static String render(Transcript.MessageRecord message) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (Verdict verdict : message.readers()) {
            rows.add(new String[] {
                verdict.party().label(),
                verdict.headers().mark(),
                verdict.body().mark(),
                verdict.attachments().mark(),
                verdict.secrets().isEmpty() ? "-" : String.join(", ", verdict.secrets()),
                verdict.history()
            });
        }
        int[] widths = new int[HEADINGS.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder("Who could read '" + message.id() + "' (\"" + message.subject() + "\"):\n");
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.length; i++) {
                line.append(String.format("%-" + (widths[i] + 2) + "s", row[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        message.service().stream()
                .filter(entry -> entry.startsWith("rule-matched") || entry.startsWith("protected") || entry.startsWith("revoked"))
                .forEach(entry -> out.append("  service: ").append(entry).append('\n'));
        return out.toString();
    }

    /** What the marks mean; printed once under the tables of a run. */
    public static String legend() {
        return "Marks:\n" + Access.legend();
    }
}
