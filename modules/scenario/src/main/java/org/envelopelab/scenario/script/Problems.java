package org.envelopelab.scenario.script;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The problems found so far in one script. Readers report here and carry on, so one parse
 * finds every problem; the parser throws once at the end.
 */
final class Problems {

    private final String source;
    private final List<Problem> found = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();

    Problems(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    void report(Node at, String message) {
        report(lineOf(at), message);
    }

    void report(int line, String message) {
        found.add(new Problem(source, line, message));
    }

    /** Something that works but that the writer should know about (a large logo, a rule that cannot see a body). */
    void warn(Node at, String message) {
        warn(lineOf(at), message);
    }

    void warn(int line, String message) {
        warnings.add(new Problem(source, line, message));
    }

    /** The warnings, by line. */
    List<Problem> warnings() {
        List<Problem> sorted = new ArrayList<>(warnings);
        sorted.sort(Comparator.comparingInt(Problem::line));
        return List.copyOf(sorted);
    }

    /** How many problems so far; a reader compares counts to tell whether its own part was sound. */
    int count() {
        return found.size();
    }

    /** Throws when anything was reported, listing the problems by line (in the order found within a line). */
    void throwIfAny() throws InvalidScenarioException {
        if (!found.isEmpty()) {
            List<Problem> sorted = new ArrayList<>(found);
            sorted.sort(Comparator.comparingInt(Problem::line));
            throw new InvalidScenarioException(sorted);
        }
    }

    /** The 1-based line a node starts on. */
    static int lineOf(Node node) {
        return node.getStartMark().map(mark -> mark.getLine() + 1).orElse(1);
    }
}
