package org.envelopelab.notebook;

import java.util.List;

/**
 * What running a cell gave.
 *
 * @param cell     the cell
 * @param outputs  what it printed, redacted, line by line: one list per console command, one for a java cell
 * @param problems each mismatch, as {@code file:line: sentence} followed by a diff; empty when the cell passed
 */
public record CellResult(Cell cell, List<List<String>> outputs, List<String> problems) {

    public CellResult {
        outputs = outputs.stream().map(List::copyOf).toList();
        problems = List.copyOf(problems);
    }

    public boolean passed() {
        return problems.isEmpty();
    }
}
