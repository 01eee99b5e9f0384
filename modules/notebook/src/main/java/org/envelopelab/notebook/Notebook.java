package org.envelopelab.notebook;

import java.util.ArrayList;
import java.util.List;

/**
 * A lesson as a file: its text, line by line, and its cells. {@link #withOutputs} writes what
 * the cells printed back as their expected outputs, leaving every other line as it was.
 *
 * @param file  the file, as given
 * @param lines its lines, without line ends
 * @param cells its executable cells, in order
 */
public record Notebook(String file, List<String> lines, List<Cell> cells) {

    public Notebook {
        lines = List.copyOf(lines);
        cells = List.copyOf(cells);
    }

    /**
     * The file's text with the expected output of each cell that differed replaced by what it printed: a console
     * command's lines up to the next command, a java cell's output block (added after the cell
     * when it had none and printed something).
     */
    public String withOutputs(List<CellResult> results) {
        List<String> out = new ArrayList<>();
        int next = 1; // the next line of the original to copy
        for (CellResult result : results) {
            if (result.passed()) {
                continue; // as written, wildcards and all
            }
            Cell cell = result.cell();
            if (cell.kind() == Cell.Kind.CONSOLE) {
                for (int i = 0; i < cell.commands().size(); i++) {
                    Cell.Command command = cell.commands().get(i);
                    copy(out, next, command.line());
                    out.add(lines.get(command.line() - 1));
                    out.addAll(result.outputs().get(i));
                    int stop = i + 1 < cell.commands().size() ? cell.commands().get(i + 1).line() : cell.end();
                    next = stop;
                }
            } else if (cell.outputAt() > 0) {
                copy(out, next, cell.outputAt());
                out.add(lines.get(cell.outputAt() - 1));
                out.addAll(result.outputs().get(0));
                next = cell.outputEnd();
            } else if (!result.outputs().get(0).isEmpty()) {
                copy(out, next, cell.end() + 1);
                out.add("");
                out.add("```output");
                out.addAll(result.outputs().get(0));
                out.add("```");
                next = cell.end() + 1;
            }
        }
        copy(out, next, lines.size() + 1);
        return String.join("\n", out) + "\n";
    }

    /** Copies the original's lines from {@code from} up to, not including, {@code to} (1-based). */
    private void copy(List<String> out, int from, int to) {
        for (int line = from; line < to; line++) {
            out.add(lines.get(line - 1));
        }
    }
}
