package org.envelopelab.scenario.transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * The "who could read what" table of one message, in fixed-width text for a terminal:
 * one row per party, a column per item, and the secrets each party saw.
 */
public final class ReadabilityTable {

    private static final String[] HEADINGS = {"party", "headers", "body", "attachments", "secrets seen"};

    private ReadabilityTable() {
    }

    public static String render(Transcript.MessageRecord message) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (Observation o : message.observations()) {
            rows.add(new String[] {
                o.party().label(),
                o.held() ? word(o.headers()) : "never held it",
                o.held() ? word(o.body()) : "",
                o.held() ? word(o.attachments()) : "",
                String.join(", ", o.secretsSeen())
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
                .filter(entry -> entry.contains("rule-matched") || entry.contains(" protected ") || entry.contains("revoked"))
                .forEach(entry -> out.append("  service: ").append(entry).append('\n'));
        return out.toString();
    }

    /** How tables show a readability: "readable", "encrypted" or "-". */
    static String word(Readability readability) {
        return switch (readability) {
            case READABLE -> "readable";
            case ENCRYPTED -> "encrypted";
            case ABSENT -> "-";
        };
    }
}
