package org.envelopelab.scenario.script;

import java.util.Optional;

import org.snakeyaml.engine.v2.nodes.Node;

/** The mail folder a read or expect step names: INBOX, as in every mail client, unless it says otherwise. */
final class Folders {

    static final String INBOX = "INBOX";

    private Folders() {
    }

    /** The {@code folder} of a step's mapping, INBOX when not given; a blank name is reported. */
    static String folder(ScriptMapping step) {
        Optional<Node> written = step.optional("folder");
        String folder = written.flatMap(node -> step.reader().text(node, "folder")).orElse(INBOX);
        if (folder.isBlank()) {
            step.reader().report(written.get(), "'folder' must not be empty");
            return INBOX;
        }
        return folder;
    }
}
