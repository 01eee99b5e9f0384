package org.envelopelab.scenario.script;

import java.util.List;
import java.util.Optional;

import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import static org.envelopelab.scenario.script.NodeReader.mustBe;

/** Reads the steps of the parties who attack: a mailbox thief, and someone who got hold of a link. */
public final class AttackStepReader {

    private static final List<String> STEAL_KEYS = List.of("of", "key-beside-mail");
    private static final List<String> LINK_KEYS = List.of("who", "message", "link-from");

    private final NodeReader reader;
    private final Roster roster;
    private final SentMessages sent;

    AttackStepReader(NodeReader reader, Roster roster, SentMessages sent) {
        this.reader = reader;
        this.roster = roster;
        this.sent = sent;
    }

    /** {@code steal-mailbox: carol} or {@code steal-mailbox: {of: carol, key-beside-mail: true}}. */
    public Optional<Step.StealMailbox> stealMailbox(Node node, int line) {
        if (node instanceof ScalarNode scalar) {
            return roster.personAddress(scalar.getValue(), scalar).map(victim -> new Step.StealMailbox(line, victim, false));
        }
        Optional<ScriptMapping> found = reader.mapping(node, mustBe("steal-mailbox", "a person or a mapping with 'of'"),
                "steal-mailbox", STEAL_KEYS);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ScriptMapping steal = found.get();
        Optional<String> victim = steal.requiredScalar("of").flatMap(reference -> roster.personAddress(reference.getValue(), reference));
        boolean keyBesideMail = steal.optional("key-beside-mail").flatMap(value -> reader.bool(value, "key-beside-mail"))
                .orElse(false);
        return victim.map(address -> new Step.StealMailbox(line, address, keyBesideMail));
    }

    /** {@code follow-link: {who: eve, message: statement, link-from: carol}}: eve is not a recipient, carol is. */
    public Optional<Step.FollowLink> followLink(Node node, int line) {
        Optional<ScriptMapping> found = reader.mapping(node,
                mustBe("follow-link", "a mapping with 'who', 'message' and 'link-from'"), "follow-link", LINK_KEYS);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ScriptMapping link = found.get();
        Optional<String> who = link.requiredScalar("who").flatMap(reference -> roster.personAddress(reference.getValue(), reference));
        Optional<SentMessages.Sent> message = link.requiredScalar("message").flatMap(sent::named);
        Optional<String> from = link.requiredScalar("link-from")
                .flatMap(reference -> roster.personAddress(reference.getValue(), reference));
        if (who.isEmpty() || message.isEmpty() || from.isEmpty()) {
            return Optional.empty();
        }
        if (message.get().isRecipient(who.get())) {
            reader.report(link.optional("who").orElseThrow(), "'" + who.get() + "' is a recipient of '" + message.get().id()
                    + "'; follow-link is for someone it was not sent to (a recipient uses 'portal')");
            return Optional.empty();
        }
        if (message.get().from() != null && !message.get().isRecipient(from.get())) {
            reader.report(link.optional("link-from").orElseThrow(), "'" + from.get() + "' is not a recipient of '"
                    + message.get().id() + "', so has no wrapper whose link to give away");
            return Optional.empty();
        }
        return Optional.of(new Step.FollowLink(line, who.get(), message.get().id(), from.get()));
    }
}
