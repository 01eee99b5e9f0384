package org.envelopelab.scenario.script;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import static org.envelopelab.scenario.script.NodeReader.mustBe;

/**
 * Reads a send step: who sends what to whom, with attachments and the secrets the lesson watches
 * for. Every send is recorded in {@link SentMessages}, even a faulty one, so later steps naming
 * it are not reported as well.
 */
final class SendReader {

    static final List<String> KEYS = List.of(
            "id", "from", "to", "cc", "bcc", "subject", "text", "html", "attachments", "secrets", "path", "smime",
            "fails-with");

    /** Items every message has, so a secret may not take their names. */
    static final List<String> PARTS = List.of("headers", "body", "attachments");

    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final String RECIPIENTS = "a person, an address or a list of them";

    private final NodeReader reader;
    private final Roster roster;
    private final SentMessages sent;
    private final AttachmentReader attachments;
    private final SmimeOptionsReader smimeOptions;
    private final Set<String> certified;

    SendReader(NodeReader reader, Roster roster, SentMessages sent, AttachmentReader attachments, Set<String> certified) {
        this.reader = reader;
        this.roster = roster;
        this.sent = sent;
        this.attachments = attachments;
        this.smimeOptions = new SmimeOptionsReader(reader);
        this.certified = certified;
    }

    /**
     * @param sendNumber the 1-based position among the send steps, for the default id "m1", "m2"...
     * @return the step, or empty when anything about it was reported
     */
    Optional<Step.Send> read(Node node, int line, int sendNumber) {
        int problemsBefore = reader.problems().count();
        Optional<ScriptMapping> found = reader.mapping(node, mustBe("send", "a mapping"), "send", KEYS);
        if (found.isEmpty()) {
            sent.add(new SentMessages.Sent("m" + sendNumber, line, List.of()));
            return Optional.empty();
        }
        ScriptMapping send = found.get();
        String id = id(send, line, sendNumber);
        String from = send.requiredScalar("from")
                .flatMap(reference -> roster.personAddress(reference.getValue(), reference)).orElse(null);
        List<String> to = recipients(send, "to");
        List<String> cc = recipients(send, "cc");
        List<String> bcc = recipients(send, "bcc");
        if (!namesRecipients(send)) {
            reader.problems().report(send.line(), "send needs at least one recipient in 'to', 'cc' or 'bcc'");
        }
        String subject = send.requiredText("subject").orElse("");
        String text = send.optionalText("text").orElse("");
        String html = send.optionalText("html").orElse("");
        List<Step.Attachment> attached = attachments(send);
        boolean messageReadWell = reader.problems().count() == problemsBefore;
        Map<String, String> secrets = secrets(send, messageReadWell, subject, text, html, attached);
        String failsWith = send.optional("fails-with").flatMap(value -> reader.text(value, "fails-with")).orElse(null);
        Step.SmimeOptions smime = smimeOptions.read(send).orElse(null);
        if (smime != null && failsWith == null && from != null && !certified.contains(from)) {
            reader.report(send.optional("path").orElse(send.node()), "the sender " + from
                    + " holds no certificate, so their client cannot sign or keep a readable copy"
                    + " (list them under 'certificates', or add 'fails-with' to show the refusal)");
        }
        if (reader.problems().count() > problemsBefore) {
            return Optional.empty();
        }
        Step.Send step = new Step.Send(line, id, from, to, cc, bcc, subject, text, html, attached, secrets, smime, failsWith);
        if (failsWith == null) {
            sent.complete(id, from, step.recipients(), smime != null);
        }
        return Optional.of(step);
    }

    private String id(ScriptMapping send, int line, int sendNumber) {
        Optional<Node> written = send.optional("id");
        String id = written.flatMap(node -> reader.text(node, "id")).orElse("m" + sendNumber);
        if (written.isPresent() && !MESSAGE_ID.matcher(id).matches()) {
            reader.report(written.get(), "message id '" + id + "' may only use letters, digits, '-' and '_'");
        }
        Optional<SentMessages.Sent> earlier = sent.holding(id);
        if (earlier.isPresent()) {
            if (written.isPresent()) {
                reader.report(written.get(), "message id '" + id + "' is already used by the send on line "
                        + earlier.get().line());
            } else {
                reader.problems().report(send.line(), "this send's default id '" + id
                        + "' is already used by the send on line " + earlier.get().line() + "; give this send an 'id'");
            }
        }
        sent.add(new SentMessages.Sent(id, line, secretLabels(send)));
        return id;
    }

    /** Whether any recipient is written at all, right or wrong; wrong ones are reported on their own. */
    private static boolean namesRecipients(ScriptMapping send) {
        return Stream.of("to", "cc", "bcc")
                .map(send::optional)
                .flatMap(Optional::stream)
                .anyMatch(node -> !(node instanceof SequenceNode list) || !list.getValue().isEmpty());
    }

    private List<String> recipients(ScriptMapping send, String key) {
        List<String> addresses = new ArrayList<>();
        send.optional(key).flatMap(node -> reader.oneOrMany(node, mustBe(key, RECIPIENTS))).ifPresent(entries -> {
            for (ScalarNode entry : entries) {
                roster.anyAddress(entry.getValue(), entry).ifPresent(addresses::add);
            }
        });
        return addresses;
    }

    private List<Step.Attachment> attachments(ScriptMapping send) {
        List<Step.Attachment> attached = new ArrayList<>();
        send.optional("attachments")
                .flatMap(node -> reader.list(node, mustBe("attachments", "a list")))
                .ifPresent(items -> items.forEach(item -> attachments.read(item).ifPresent(attached::add)));
        return attached;
    }

    /** The labels as written, known even when their values are faulty, so expect steps can name them. */
    private List<String> secretLabels(ScriptMapping send) {
        Optional<Node> secrets = send.optional("secrets");
        if (secrets.isEmpty() || !(secrets.get() instanceof MappingNode mapping)) {
            return List.of();
        }
        return mapping.getValue().stream()
                .map(NodeTuple::getKeyNode)
                .filter(ScalarNode.class::isInstance)
                .map(key -> ((ScalarNode) key).getValue())
                .distinct()
                .toList();
    }

    /**
     * Reads the secrets and checks each appears in the message; an observation could never find a
     * secret that is not there, and the lesson would pass for the wrong reason.
     *
     * @param checkAppearance false when the message itself had problems, so a secret is not
     *                        reported missing from a subject or body that was never read
     */
    private Map<String, String> secrets(ScriptMapping send, boolean checkAppearance, String subject, String text,
                                        String html, List<Step.Attachment> attached) {
        Map<String, String> secrets = new LinkedHashMap<>();
        Optional<ScriptMapping> found = send.optional("secrets").flatMap(node -> reader.mapping(node,
                mustBe("secrets", "a mapping of labels to values"), "secrets", null));
        if (found.isEmpty()) {
            return secrets;
        }
        List<String> readable = new ArrayList<>(List.of(subject, text, html));
        attached.stream()
                .filter(attachment -> MediaTypes.isText(attachment.contentType()))
                .forEach(attachment -> readable.add(new String(attachment.content(), StandardCharsets.UTF_8)));
        for (ScriptMapping.Entry entry : found.get().entries()) {
            String label = entry.key();
            if (label.isBlank()) {
                reader.report(entry.keyNode(), "a secret needs a label");
                continue;
            }
            if (PARTS.contains(label)) {
                reader.report(entry.keyNode(), "secret label '" + label
                        + "' is taken: headers, body and attachments name parts of every message");
                continue;
            }
            if (NodeReader.isNull(entry.value()) && label.matches("\\d.*")) {
                // { day rate: EUR 1,450 } is two entries to YAML: "day rate: EUR 1" and "450" with no value.
                reader.report(entry.keyNode(), "'" + label + "' has no value: a comma ends a value in { ... },"
                        + " so quote a value that has one, as in { day rate: \"EUR 1,450\" }");
                continue;
            }
            Optional<String> value = reader.text(entry.value(), label);
            if (value.isEmpty()) {
                continue;
            }
            if (value.get().isEmpty()) {
                reader.report(entry.value(), "secret '" + label + "' is empty");
            } else if (checkAppearance && readable.stream().noneMatch(part -> part.contains(value.get()))) {
                Optional<Step.Attachment> binary = attached.stream()
                        .filter(attachment -> !MediaTypes.isText(attachment.contentType()))
                        .filter(attachment -> new String(attachment.content(), StandardCharsets.ISO_8859_1).contains(value.get()))
                        .findFirst();
                reader.report(entry.value(), binary.map(file -> "secret '" + label + "' appears only in "
                        + file.name() + " (" + file.contentType() + "): the lab looks for secrets in the subject,"
                        + " the body and text attachments only, so no party could ever be found to read it")
                        .orElse("secret '" + label + "' does not appear in the message"));
            }
            secrets.put(label, value.get());
        }
        return secrets;
    }
}
