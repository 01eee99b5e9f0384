package org.envelopelab.notebook;

import java.util.List;

/**
 * One executable cell of a notebook: a console block of {@code $ lab ...} commands, each followed
 * by its expected output, or a java block followed by an output block.
 *
 * @param kind       console or java
 * @param line       the line of its opening fence (1-based), where problems are reported
 * @param expectExit the exit code every command of a console cell must end with (cell option {@code expect-exit}; default 0)
 * @param commands   a console cell's commands, in order; empty for java
 * @param code       a java cell's code; empty for console
 * @param expected   a java cell's expected output lines (its output block); empty for console (each command has its own)
 * @param outputAt   a java cell's output block: the line of its opening fence, or -1 when it has none
 * @param outputEnd  the line of that block's closing fence, or -1
 * @param end        the line of the cell's closing fence
 */
public record Cell(Kind kind, int line, int expectExit, List<Command> commands, String code, List<String> expected,
                   int outputAt, int outputEnd, int end) {

    public enum Kind { CONSOLE, JAVA }

    public Cell {
        commands = List.copyOf(commands);
        expected = List.copyOf(expected);
    }

    /**
     * One command of a console cell.
     *
     * @param line     its line (1-based)
     * @param text     what follows the {@code $ }, e.g. {@code lab run clinic --quiet}
     * @param args     its arguments after {@code lab}
     * @param expected the lines after it, up to the next command or the end of the cell
     */
    public record Command(int line, String text, List<String> args, List<String> expected) {
        public Command {
            args = List.copyOf(args);
            expected = List.copyOf(expected);
        }
    }
}
