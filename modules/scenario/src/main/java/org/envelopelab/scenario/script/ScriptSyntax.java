package org.envelopelab.scenario.script;

import java.util.Optional;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Turns script text into YAML nodes. We compose rather than load: composed nodes keep the line
 * each value was written on, which every problem message needs, and they keep duplicate keys so
 * we can report them instead of silently keeping the last.
 */
final class ScriptSyntax {

    private ScriptSyntax() {
    }

    /** The document's root node; empty (with a problem reported) when the text is not YAML or holds nothing. */
    static Optional<Node> compose(String text, Problems problems) {
        // The core schema reads ~ and null as "no value", as most YAML tutorials students meet do.
        // Keys that are lists or mappings are let through so they are reported at their own line.
        LoadSettings settings = LoadSettings.builder().setSchema(new CoreSchema()).setAllowNonScalarKeys(true).build();
        try {
            Optional<Problem> badShape = ScriptShape.check(problems.source(), text, settings);
            if (badShape.isPresent()) {
                problems.report(badShape.get().line(), badShape.get().message());
                return Optional.empty();
            }
            Optional<Node> root = new Compose(settings).composeString(text);
            if (root.isEmpty()) {
                problems.report(1, "the scenario file is empty");
            }
            return root;
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(mark -> mark.getLine() + 1).orElse(1);
            problems.report(line, "YAML syntax error: " + e.getProblem());
            return Optional.empty();
        } catch (YamlEngineException e) {
            problems.report(1, "YAML syntax error: " + e.getMessage());
            return Optional.empty();
        }
    }
}
