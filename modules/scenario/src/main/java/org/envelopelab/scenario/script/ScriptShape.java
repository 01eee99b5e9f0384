package org.envelopelab.scenario.script;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingEndEvent;
import org.snakeyaml.engine.v2.events.SequenceEndEvent;

/**
 * Checks the shape of a script before its nodes are built, walking YAML's event stream (which
 * needs no recursion): no value nested deeper than {@link #MAX_DEPTH}, and no alias inside the
 * value its anchor names ({@code &s { <<: *s }}), which would make a value that contains itself.
 * Building nodes recurses once per level, so a script nested thousands of levels deep would
 * otherwise overflow the stack, and a value that contains itself would never end.
 */
final class ScriptShape {

    /** Far deeper than any scenario needs (the deepest documented one nests 7 levels). */
    static final int MAX_DEPTH = 40;

    private ScriptShape() {
    }

    /** The first problem with the script's shape, as its line and message; empty when it is sound. */
    static Optional<Problem> check(String source, String text, LoadSettings settings) {
        Deque<Optional<Anchor>> open = new ArrayDeque<>();
        Iterator<Event> events = new Parse(settings).parseString(text).iterator();
        while (events.hasNext()) {
            Event event = events.next();
            if (event instanceof CollectionStartEvent start) {
                if (open.size() == MAX_DEPTH) {
                    return Optional.of(new Problem(source, lineOf(event), "the script nests values more than "
                            + MAX_DEPTH + " levels deep; no scenario needs that many"));
                }
                open.push(start.getAnchor());
            } else if (event instanceof SequenceEndEvent || event instanceof MappingEndEvent) {
                open.pop();
            } else if (event instanceof AliasEvent alias && open.contains(Optional.of(alias.getAlias()))) {
                return Optional.of(new Problem(source, lineOf(event), "the alias *" + alias.getAlias().getValue()
                        + " is used inside the value its anchor names, so that value would contain itself"));
            }
        }
        return Optional.empty();
    }

    private static int lineOf(Event event) {
        return event.getStartMark().map(mark -> mark.getLine() + 1).orElse(1);
    }
}
