package org.envelopelab.scenario.script;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * One mapping of a script with its keys checked: unknown keys (with a spelling suggestion) and
 * duplicate keys are reported when it is made; missing required keys when they are asked for.
 */
final class ScriptMapping {

    /** One key and its value, with the key node for its line. */
    record Entry(String key, Node keyNode, Node value) {
    }

    private final MappingNode node;
    private final String context;
    private final NodeReader reader;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    ScriptMapping(MappingNode node, String context, List<String> knownKeys, NodeReader reader) {
        this.node = node;
        this.context = context;
        this.reader = reader;
        for (NodeTuple tuple : node.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalar) || NodeReader.isNull(keyNode)) {
                reader.report(keyNode, "a key must be a plain name, not a list or mapping");
                continue;
            }
            String key = scalar.getValue();
            if (entries.containsKey(key)) {
                reader.report(keyNode, "duplicate key '" + key + "'");
                continue;
            }
            if (knownKeys != null && !knownKeys.contains(key)) {
                reader.report(keyNode, Spelling.unknown("unknown key '" + key + "' in " + context, key, knownKeys,
                        Spelling.listing("known keys", knownKeys)));
            }
            entries.put(key, new Entry(key, keyNode, tuple.getValueNode()));
        }
    }

    /** The line the mapping starts on: where a missing key is reported. */
    int line() {
        return Problems.lineOf(node);
    }

    MappingNode node() {
        return node;
    }

    String context() {
        return context;
    }

    NodeReader reader() {
        return reader;
    }

    /** Whether the key is written, even with an empty value. */
    boolean has(String key) {
        return entries.containsKey(key);
    }

    /** Every key written once, in order (a duplicate's later copies are left out). */
    List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    List<String> keys() {
        return new ArrayList<>(entries.keySet());
    }

    int keyLine(String key) {
        return Problems.lineOf(entries.get(key).keyNode());
    }

    /** The value of an optional key; a key left empty counts as absent, so it takes its default. */
    Optional<Node> optional(String key) {
        return Optional.ofNullable(entries.get(key)).map(Entry::value).filter(value -> !NodeReader.isNull(value));
    }

    /** The value of a required key, reporting it missing or empty. */
    Optional<Node> required(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            reader.problems().report(line(), context + " is missing '" + key + "'");
            return Optional.empty();
        }
        if (NodeReader.isNull(entry.value())) {
            reader.report(entry.keyNode(), "'" + key + "' has no value");
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    Optional<String> optionalText(String key) {
        return optional(key).flatMap(value -> reader.text(value, key));
    }

    Optional<String> requiredText(String key) {
        return required(key).flatMap(value -> reader.text(value, key));
    }

    /** A required value that must be a single scalar, e.g. a person or message id. */
    Optional<ScalarNode> requiredScalar(String key) {
        Optional<Node> value = required(key);
        if (value.isPresent() && !(value.get() instanceof ScalarNode)) {
            reader.report(value.get(), NodeReader.mustBe(key, "a string"));
            return Optional.empty();
        }
        return value.map(ScalarNode.class::cast);
    }
}
