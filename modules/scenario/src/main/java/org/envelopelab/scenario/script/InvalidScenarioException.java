package org.envelopelab.scenario.script;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A scenario script that cannot be run, with every problem found in it, in line order. The parser
 * reports all problems at once so a student fixes a script in one pass, not one error per run.
 */
public class InvalidScenarioException extends Exception {

    private final List<Problem> problems;

    public InvalidScenarioException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** The problems, sorted by line. */
    public List<Problem> problems() {
        return problems;
    }
}
