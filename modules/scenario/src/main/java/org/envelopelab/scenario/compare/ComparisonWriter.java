package org.envelopelab.scenario.compare;

import org.envelopelab.people.evidence.Access;
import org.envelopelab.scenario.page.ComparePage;
import org.envelopelab.scenario.script.DeliveryPath;
import org.envelopelab.scenario.transcript.ReportWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Writes a comparison as {@code compare.json}, {@code compare.md} and {@code compare.html}, and as tables for a terminal. */
public final class ComparisonWriter {

    private ComparisonWriter() {
    }

    /** Writes the three files; returns the Markdown file's path. */
    public static Path write(ComparisonReport report, Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("compare.json"), ReportWriter.json(report), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("compare.html"), ComparePage.html(report), StandardCharsets.UTF_8);
        Path markdown = folder.resolve("compare.md");
        Files.writeString(markdown, markdown(report), StandardCharsets.UTF_8);
        return markdown;
    }

    /** The tables in fixed-width text, a column per path, with the costs and the legend under them. */
    public static String terminal(ComparisonReport report) {
        StringBuilder out = new StringBuilder();
        List<String> headings = new ArrayList<>(List.of("party"));
        report.paths().forEach(path -> headings.add(path.title()));
        for (ComparisonReport.MessageTable table : report.messages()) {
            out.append("Who could read '").append(table.id()).append("' (\"").append(table.subject()).append("\"), path by path:\n");
            List<String[]> rows = new ArrayList<>();
            rows.add(headings.toArray(String[]::new));
            for (ComparisonReport.Row row : table.rows()) {
                List<String> cells = new ArrayList<>(List.of(row.party()));
                row.cells().forEach(cell -> cells.add(cell == null ? "-" : cell.text()));
                rows.add(cells.toArray(String[]::new));
            }
            out.append(columns(rows)).append('\n');
        }
        out.append("What each path cost:\n");
        List<String[]> costs = new ArrayList<>();
        costs.add(headings.toArray(String[]::new));
        report.costs().forEach(cost -> {
            List<String> cells = new ArrayList<>(List.of(cost.question()));
            cells.addAll(cost.answers());
            costs.add(cells.toArray(String[]::new));
        });
        out.append(columns(costs)).append('\n').append(legend());
        return out.toString();
    }

    public static String markdown(ComparisonReport report) {
        StringBuilder md = new StringBuilder("# Compared: ").append(report.title()).append("\n\n");
        md.append("The messages of `").append(report.source()).append("` sent down each path, in fresh worlds of the")
                .append(" scenario's own people, and judged from the evidence of what each party held or was shown.");
        if (report.defaultService()) {
            md.append(" The scenario has no service of its own, so the service path uses the lab's default: an")
                    .append(" Office 365 E3 tenant that protects everything sent outside with Encrypt-Only.");
        }
        md.append("\n\n");
        String header = "| party | " + report.paths().stream().map(DeliveryPath::title).collect(Collectors.joining(" | ")) + " |\n"
                + "|---|" + "---|".repeat(report.paths().size()) + "\n";
        for (ComparisonReport.MessageTable table : report.messages()) {
            md.append("## ").append(table.id()).append(": \"").append(table.subject()).append("\"\n\n").append(header);
            for (ComparisonReport.Row row : table.rows()) {
                md.append("| ").append(row.party());
                row.cells().forEach(cell -> md.append(" | ").append(cell == null ? "-" : escape(cell.text())
                        + (cell.history().isEmpty() ? "" : " <br>*" + escape(cell.history()) + "*")));
                md.append(" |\n");
            }
            md.append('\n');
        }
        md.append("## What each path cost\n\n").append(header.replace("| party |", "| |"));
        report.costs().forEach(cost -> md.append("| ").append(cost.question()).append(" | ")
                .append(cost.answers().stream().map(ComparisonWriter::escape).collect(Collectors.joining(" | "))).append(" |\n"));
        md.append("\n").append(legend().replace("\n  ", "\n- "));
        return md.toString();
    }

    /** What the cells say. */
    static String legend() {
        return "In a cell: reads (what it could read: the body, + files, and the secrets it saw); ciphertext ("
                + Access.ENCRYPTED.meaning() + "); wrapper only (" + Access.NOT_IN_COPY.meaning() + "); headers only;"
                + " refused; nothing; - (this party took no part on this path).\n";
    }

    /** A path's column is at most this wide in a terminal; longer cells wrap onto the next lines. */
    private static final int CELL_WIDTH = 36;

    private static String columns(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        List<List<List<String>>> wrapped = new ArrayList<>();
        for (String[] row : rows) {
            List<List<String>> cells = new ArrayList<>();
            for (int i = 0; i < row.length; i++) {
                List<String> lines = i == 0 ? List.of(row[i]) : wrap(row[i], CELL_WIDTH);
                cells.add(lines);
                for (String line : lines) {
                    widths[i] = Math.max(widths[i], line.length());
                }
            }
            wrapped.add(cells);
        }
        StringBuilder out = new StringBuilder();
        for (List<List<String>> cells : wrapped) {
            int height = cells.stream().mapToInt(List::size).max().orElse(1);
            for (int lineNumber = 0; lineNumber < height; lineNumber++) {
                StringBuilder line = new StringBuilder("  ");
                for (int i = 0; i < cells.size(); i++) {
                    String text = lineNumber < cells.get(i).size() ? cells.get(i).get(lineNumber) : "";
                    line.append(String.format("%-" + (widths[i] + 2) + "s", text));
                }
                out.append(line.toString().stripTrailing()).append('\n');
            }
        }
        return out.toString();
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
