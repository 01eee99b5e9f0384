package org.envelopelab.scenario.page;

import org.envelopelab.people.evidence.Access;
import org.envelopelab.scenario.compare.ComparisonReport;
import org.envelopelab.scenario.judge.Verdict;
import org.envelopelab.scenario.transcript.Transcript;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the pages' matrices from the judge's verdicts: parties × messages for a run, parties × paths for a comparison. */
final class Matrices {

    private Matrices() {
    }

    /** A run's matrix: a row per party that any message's table names, a column per message. */
    static Matrix ofRun(Transcript transcript) {
        Map<String, Map<String, Verdict>> byParty = new LinkedHashMap<>();
        for (Transcript.MessageRecord message : transcript.messages()) {
            for (Verdict verdict : message.readers()) {
                byParty.computeIfAbsent(verdict.party().label(), label -> new LinkedHashMap<>()).put(message.id(), verdict);
            }
        }
        List<String> columns = transcript.messages().stream().map(Transcript.MessageRecord::id).toList();
        Notes notes = new Notes("run");
        List<Matrix.Row> rows = new ArrayList<>();
        byParty.forEach((party, verdicts) -> {
            List<Matrix.Cell> cells = new ArrayList<>();
            for (String column : columns) {
                Verdict verdict = verdicts.get(column);
                if (verdict == null) {
                    cells.add(absent(column));
                    continue;
                }
                boolean refused = verdict.body() == Access.NEVER && verdict.history().contains("refused");
                String css = refused ? "refused" : css(verdict.body());
                String mark = refused ? "refused" : verdict.body().mark();
                String hover = "headers: " + verdict.headers().mark() + "; body: " + verdict.body().mark() + "; attachments: "
                        + verdict.attachments().mark() + (verdict.secrets().isEmpty() ? "" : "; secrets seen: "
                        + String.join(", ", verdict.secrets()));
                cells.add(notes.cell(column, css, mark, changed(verdict.history()), hover, party + ", " + column, verdict.secrets()));
            }
            rows.add(new Matrix.Row(party, cells));
        });
        return new Matrix("matrix", "Who could read what: a row per party, a column per message", columns, rows, notes.list);
    }

    /** A comparison's matrix for one message: a row per party, a column per path. */
    static Matrix ofComparison(ComparisonReport report, ComparisonReport.MessageTable table) {
        List<String> columns = report.paths().stream().map(path -> path.title()).toList();
        Notes notes = new Notes(table.id());
        List<Matrix.Row> rows = new ArrayList<>();
        for (ComparisonReport.Row row : table.rows()) {
            List<Matrix.Cell> cells = new ArrayList<>();
            for (int i = 0; i < row.cells().size(); i++) {
                ComparisonReport.Cell cell = row.cells().get(i);
                String column = columns.get(i);
                if (cell == null) {
                    cells.add(absent(column));
                    continue;
                }
                String css = cell.text().startsWith("refused") ? "refused" : css(cell.body());
                String hover = cell.history() + (cell.secrets().isEmpty() ? "" : "; secrets seen: " + String.join(", ", cell.secrets()));
                cells.add(notes.cell(column, css, cell.text(), changed(cell.history()), hover, row.party() + ", " + column,
                        cell.secrets()));
            }
            rows.add(new Matrix.Row(row.party(), cells));
        }
        return new Matrix("matrix-" + table.id(), "Who could read '" + table.id() + "' (\"" + table.subject() + "\"), path by path",
                columns, rows, notes.list);
    }

    static String css(Access body) {
        return switch (body) {
            case READABLE -> "readable";
            case ENCRYPTED -> "ciphertext";
            case NOT_IN_COPY -> "wrapper";
            case NONE, NEVER -> "nothing";
        };
    }

    private static Matrix.Cell absent(String column) {
        return new Matrix.Cell(column, "absent", "-", "", "took no part", false, 0, "");
    }

    /** A history worth printing in the cell: where access changed, or was refused or missed. */
    private static String changed(String history) {
        return history.contains(";") || history.contains("refused") || history.contains("missed") ? history : "";
    }

    /** Numbers the footnotes of one matrix. */
    private static final class Notes {
        private final String prefix;
        private final List<Matrix.Footnote> list = new ArrayList<>();

        Notes(String prefix) {
            this.prefix = prefix;
        }

        Matrix.Cell cell(String column, String css, String mark, String change, String hover, String where, List<String> secrets) {
            if (secrets.isEmpty()) {
                return new Matrix.Cell(column, css, mark, change, hover, false, 0, "");
            }
            int number = list.size() + 1;
            String id = "note-" + prefix + "-" + number;
            list.add(new Matrix.Footnote(number, id, where + ": " + String.join(", ", secrets)));
            return new Matrix.Cell(column, css, mark, change, hover, true, number, id);
        }
    }
}
