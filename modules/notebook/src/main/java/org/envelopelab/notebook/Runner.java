package org.envelopelab.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a notebook's cells in order, in one process: console cells through a {@link Console}
 * (the lab's own command line, in process), java cells in one JShell for the notebook. Each cell's
 * printed output is redacted and matched with what the lesson expects ({@link Outputs}).
 */
public final class Runner {

    private final Console console;

    public Runner(Console console) {
        this.console = console;
    }

    /** Runs every cell; {@code progress} gets each cell's result as it is known. */
    public List<CellResult> run(Notebook notebook, Consumer<CellResult> progress) throws Exception {
        List<CellResult> results = new ArrayList<>();
        JavaCells java = null;
        try {
            for (Cell cell : notebook.cells()) {
                CellResult result;
                if (cell.kind() == Cell.Kind.CONSOLE) {
                    result = console(notebook.file(), cell);
                } else {
                    if (java == null) {
                        java = new JavaCells();
                    }
                    List<String> printed = Outputs.redact(java.run(cell.code()));
                    List<String> problems = new ArrayList<>();
                    if (!Outputs.matches(cell.expected(), printed)) {
                        problems.add(mismatch(notebook.file(), cell.outputAt() > 0 ? cell.outputAt() : cell.line(),
                                "the java cell at line " + cell.line() + " printed something else", cell.expected(), printed));
                    }
                    result = new CellResult(cell, List.of(printed), problems);
                }
                results.add(result);
                progress.accept(result);
            }
        } finally {
            if (java != null) {
                java.close();
            }
        }
        return results;
    }

    private CellResult console(String file, Cell cell) throws Exception {
        List<List<String>> outputs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Cell.Command command : cell.commands()) {
            Console.Result result = console.run(command.args());
            List<String> printed = Outputs.redact(result.printed());
            outputs.add(printed);
            if (result.exit() != cell.expectExit()) {
                problems.add(file + ":" + command.line() + ": $ " + command.text() + " exited " + result.exit() + ", not "
                        + cell.expectExit() + (cell.expectExit() == 0 ? "" : " (expect-exit)")
                        + (printed.isEmpty() ? "" : "\n" + String.join("\n", printed.subList(Math.max(0, printed.size() - 5), printed.size()))));
            } else if (!Outputs.matches(command.expected(), printed)) {
                problems.add(mismatch(file, command.line(), "$ " + command.text() + " printed something else", command.expected(), printed));
            }
        }
        return new CellResult(cell, outputs, problems);
    }

    private static String mismatch(String file, int line, String what, List<String> expected, List<String> printed) {
        return file + ":" + line + ": " + what + " (- expected, + printed):\n" + String.join("\n", Outputs.diff(expected, printed));
    }
}
