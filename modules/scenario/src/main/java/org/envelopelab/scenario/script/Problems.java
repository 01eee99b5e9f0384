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
