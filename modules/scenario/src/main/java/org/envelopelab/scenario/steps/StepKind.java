package org.envelopelab.scenario.steps;

import org.envelopelab.scenario.run.Stage;
import org.envelopelab.scenario.run.Status;
import org.envelopelab.scenario.script.Step;
import org.envelopelab.scenario.script.StepReader;
import org.snakeyaml.engine.v2.nodes.Node;

import java.util.Optional;

/**
 * One kind of scenario step, declared in one place: the key scripts write, the record it reads
 * into, whether it needs the organization's message encryption service, how it is read, how it
 * is performed, and its line in the format reference ({@code scenarios/README.md}).
 *
 * @param key          the YAML key, e.g. "exchange-certificates"
 * @param type         the step's record
 * @param needsService whether the step only makes sense with a {@code service} section
 * @param reader       reads the value under the key, reporting problems as file:line
 * @param performer    does the step in a running world and says how it ended
 * @param reference    the step's line in the format reference
 */
public record StepKind<S extends Step>(String key, Class<S> type, boolean needsService, Reader<S> reader,
                                       Performer<S> performer, String reference) {

    /** Reads a step's value; empty when it has problems (which the reader reported). */
    @FunctionalInterface
    public interface Reader<S> {
        Optional<S> read(StepReader steps, Node value, int line);
    }

    /** Performs a step. */
    @FunctionalInterface
    public interface Performer<S> {
        Status perform(Stage stage, S step) throws Exception;
    }

    public Optional<? extends Step> read(StepReader steps, Node value, int line) {
        return reader.read(steps, value, line);
    }

    /** Performs a step of this kind (the registry found it by its type). */
    public Status perform(Stage stage, Step step) throws Exception {
        return performer.perform(stage, type.cast(step));
    }
}
