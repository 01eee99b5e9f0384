package org.envelopelab.scenario.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import static org.envelopelab.scenario.script.NodeReader.mustBe;

/**
 * Reads an expect step. Its keys choose one of three forms: what a mailbox holds
 * ({@code mailbox}), what a party could read ({@code party}), or where a message ended up
 * ({@code delivered-to}, {@code bounced-for}).
 */
final class ExpectReader {

    private static final List<String> MAILBOX_KEYS = List.of("mailbox", "folder", "holds", "lacks");
    private static final List<String> PARTY_KEYS = List.of("message", "party", "can-read", "cannot-read");
    private static final List<String> OUTCOME_KEYS = List.of("message", "delivered-to", "bounced-for");
    private static final List<String> KEYS = List.of("mailbox", "folder", "holds", "lacks", "message", "party",
            "can-read", "cannot-read", "delivered-to", "bounced-for");

    /** The three forms, each with the keys that choose it and the keys it may use. */
    private enum Form {
        MAILBOX("a mailbox expect", List.of("mailbox"), MAILBOX_KEYS),
        PARTY("a party expect", List.of("party"), PARTY_KEYS),
        OUTCOME("an outcome expect", List.of("delivered-to", "bounced-for"), OUTCOME_KEYS);

        final String title;
        final List<String> markers;
        final List<String> keys;

        Form(String title, List<String> markers, List<String> keys) {
            this.title = title;
            this.markers = markers;
            this.keys = keys;
        }

        boolean isChosenBy(ScriptMapping expect) {
            return markers.stream().anyMatch(expect::has);
        }
    }

    private final NodeReader reader;
    private final Roster roster;
    private final SentMessages sent;
    private final PartyGrammar parties;

    ExpectReader(NodeReader reader, Roster roster, SentMessages sent, PartyGrammar parties) {
        this.reader = reader;
        this.roster = roster;
        this.sent = sent;
        this.parties = parties;
    }

    /** The step, or empty when anything about it was reported. */
    Optional<Step.Expect> read(Node node, int line) {
        Optional<ScriptMapping> found = reader.mapping(node, mustBe("expect", "a mapping"), "expect", KEYS);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ScriptMapping expect = found.get();
        List<Form> forms = Stream.of(Form.values()).filter(form -> form.isChosenBy(expect)).toList();
        if (forms.isEmpty()) {
            reader.problems().report(expect.line(), "expect needs one of: mailbox, party, delivered-to, bounced-for");
            return Optional.empty();
        }
        if (forms.size() > 1) {
            reader.problems().report(expect.line(),
                    "expect takes one form: mailbox, party, or delivered-to/bounced-for, not several");
            return Optional.empty();
        }
        Form form = forms.get(0);
        int problemsBefore = reader.problems().count();
        for (ScriptMapping.Entry entry : expect.entries()) {
            if (KEYS.contains(entry.key()) && !form.keys.contains(entry.key())) {
                reader.report(entry.keyNode(), "'" + entry.key() + "' does not belong in " + form.title + " ("
                        + Spelling.listing("keys", form.keys) + ")");
            }
        }
        Optional<? extends Step.Expect> step = switch (form) {
            case MAILBOX -> mailbox(expect, line);
            case PARTY -> party(expect, line);
            case OUTCOME -> outcome(expect, line);
        };
        return reader.problems().count() > problemsBefore ? Optional.empty() : step.map(Step.Expect.class::cast);
    }

    private Optional<Step.ExpectMailbox> mailbox(ScriptMapping expect, int line) {
        Optional<String> owner = expect.requiredScalar("mailbox")
                .flatMap(reference -> roster.personAddress(reference.getValue(), reference));
        String folder = Folders.folder(expect);
        boolean holds = expect.has("holds");
        if (holds == expect.has("lacks")) {
            reader.problems().report(expect.line(), "expect needs exactly one of 'holds' and 'lacks'");
            return Optional.empty();
        }
        String key = holds ? "holds" : "lacks";
        Optional<Node> wanted = expect.required(key);
        if (owner.isEmpty() || wanted.isEmpty()) {
            return Optional.empty();
        }
        if (wanted.get() instanceof ScalarNode messageId) {
            return sent.named(messageId).map(message ->
                    new Step.ExpectMailbox(line, owner.get(), folder, message.id(), null, holds));
        }
        if (wanted.get() instanceof MappingNode match) {
            return new ScriptMapping(match, key, List.of("subject"), reader).requiredText("subject")
                    .map(subject -> new Step.ExpectMailbox(line, owner.get(), folder, null, subject, holds));
        }
        reader.report(wanted.get(), mustBe(key, "a message id or a mapping with 'subject'"));
        return Optional.empty();
    }

    private Optional<Step.ExpectParty> party(ScriptMapping expect, int line) {
        Optional<SentMessages.Sent> message = expect.requiredScalar("message").flatMap(sent::named);
        Optional<PartyRef> party = expect.requiredScalar("party").flatMap(parties::parse);
        int problemsBefore = reader.problems().count();
        List<String> canRead = items(expect, "can-read", message, List.of());
        List<String> cannotRead = items(expect, "cannot-read", message, canRead);
        if (canRead.isEmpty() && cannotRead.isEmpty() && reader.problems().count() == problemsBefore) {
            // Absent or empty lists alike: the expect would claim nothing.
            reader.problems().report(expect.line(), "expect needs one of: can-read, cannot-read");
        }
        if (message.isEmpty() || party.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Step.ExpectParty(line, message.get().id(), party.get(), canRead, cannotRead));
    }

    /**
     * The readable items under {@code key}: parts every message has, or the message's secret labels.
     *
     * @param alreadyListed items under can-read, which cannot-read must not repeat
     */
    private List<String> items(ScriptMapping expect, String key, Optional<SentMessages.Sent> message,
                               List<String> alreadyListed) {
        List<String> items = new ArrayList<>();
        Optional<List<ScalarNode>> written = expect.optional(key)
                .flatMap(node -> reader.oneOrMany(node, mustBe(key, "an item or a list of items")));
        for (ScalarNode node : written.orElse(List.of())) {
            String item = node.getValue();
            if (alreadyListed.contains(item)) {
                reader.report(node, "'" + item + "' is in both can-read and cannot-read");
            }
            message.ifPresent(sentMessage -> {
                List<String> known = new ArrayList<>(SendReader.PARTS);
                known.addAll(sentMessage.secretLabels());
                if (!known.contains(item)) {
                    reader.report(node, Spelling.unknown("unknown item '" + item + "'", item, known,
                            Spelling.listing("items of message '" + sentMessage.id() + "'", known)));
                }
            });
            items.add(item);
        }
        return items;
    }

    private Optional<Step.ExpectOutcome> outcome(ScriptMapping expect, int line) {
        Optional<SentMessages.Sent> message = expect.requiredScalar("message").flatMap(sent::named);
        int problemsBefore = reader.problems().count();
        List<String> deliveredTo = addresses(expect, "delivered-to");
        List<String> bouncedFor = addresses(expect, "bounced-for");
        if (deliveredTo.isEmpty() && bouncedFor.isEmpty() && reader.problems().count() == problemsBefore) {
            reader.problems().report(expect.line(), "expect names no one in 'delivered-to' or 'bounced-for'");
        }
        return message.map(sentMessage -> new Step.ExpectOutcome(line, sentMessage.id(), deliveredTo, bouncedFor));
    }

    private List<String> addresses(ScriptMapping expect, String key) {
        List<String> addresses = new ArrayList<>();
        expect.optional(key)
                .flatMap(node -> reader.oneOrMany(node, mustBe(key, "a person, an address or a list of them")))
                .ifPresent(nodes -> nodes.forEach(node ->
                        roster.anyAddress(node.getValue(), node).ifPresent(addresses::add)));
        return addresses;
    }
}
