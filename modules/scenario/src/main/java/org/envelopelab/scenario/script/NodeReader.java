package org.envelopelab.scenario.script;

import java.util.List;
import java.util.Optional;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads YAML nodes as the shapes scripts use (text, lists, mappings with known keys), reporting a
 * wrongly shaped value at its line and answering empty so the caller can carry on.
 */
final class NodeReader {

    private final Problems problems;

    NodeReader(Problems problems) {
        this.problems = problems;
    }

    Problems problems() {
        return problems;
    }

    void report(Node at, String message) {
        problems.report(at, message);
    }

    /** "'key' must be what" — the one wording for every value of the wrong shape. */
    static String mustBe(String key, String what) {
        return "'" + key + "' must be " + what;
    }

    /** True for a value left empty, or written as ~ or null. */
    static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    /**
     * The node as a mapping whose keys are checked against {@code knownKeys} (null: any key is
     * allowed, as in a mapping of person ids).
     *
     * @param wrongShape the message when the node is not a mapping
     * @param context    how messages name this mapping: "send", "person 'carol'"
     */
    Optional<ScriptMapping> mapping(Node node, String wrongShape, String context, List<String> knownKeys) {
        if (node instanceof MappingNode mapping) {
            return Optional.of(new ScriptMapping(mapping, context, knownKeys, this));
        }
        report(node, wrongShape);
        return Optional.empty();
    }

    /** The node as true or false (YAML's core booleans). */
    Optional<Boolean> bool(Node node, String key) {
        if (node instanceof ScalarNode scalar && Tag.BOOL.equals(scalar.getTag())) {
            return Optional.of(Boolean.parseBoolean(scalar.getValue().toLowerCase(java.util.Locale.ROOT)));
        }
        report(node, mustBe(key, "true or false"));
        return Optional.empty();
    }

    /** The node as text; numbers and booleans are taken as written. */
    Optional<String> text(Node node, String key) {
        if (isNull(node)) {
            report(node, "'" + key + "' has no value");
            return Optional.empty();
        }
        if (node instanceof ScalarNode scalar) {
            return Optional.of(scalar.getValue());
        }
        report(node, mustBe(key, "a string"));
        return Optional.empty();
    }

    Optional<List<Node>> list(Node node, String wrongShape) {
        if (node instanceof SequenceNode sequence) {
            return Optional.of(sequence.getValue());
        }
        report(node, wrongShape);
        return Optional.empty();
    }

    /**
     * A single value or a list of values ({@code to: carol} or {@code to: [carol, dave]}), as the
     * scalar nodes written, so each can be reported at its own line.
     */
    Optional<List<ScalarNode>> oneOrMany(Node node, String wrongShape) {
        List<Node> items = node instanceof SequenceNode sequence ? sequence.getValue() : List.of(node);
        boolean allValues = items.stream().allMatch(item -> item instanceof ScalarNode && !isNull(item));
        if (!allValues) {
            report(node, wrongShape);
            return Optional.empty();
        }
        return Optional.of(items.stream().map(ScalarNode.class::cast).toList());
    }
}
