package org.envelopelab.scenario.script;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The messages sent by the steps read so far. Steps are checked in order, so a step can only name
 * a message an earlier send step has sent: a script reads top to bottom, like the run.
 */
final class SentMessages {

    /**
     * What later steps may refer to about a sent message.
     *
     * @param id           its id
     * @param line         the line of its send step
     * @param secretLabels the labels of its secrets, in the order written
     * @param from         its sender's address, or null until (or unless) the send was read well
     * @param recipients   its recipients, To, Cc and Bcc
     * @param smime        whether its sender's client protects it with S/MIME
     */
    record Sent(String id, int line, List<String> secretLabels, String from, List<String> recipients, boolean smime) {

        Sent(String id, int line, List<String> secretLabels) {
            this(id, line, secretLabels, null, List.of(), false);
        }

        boolean isRecipient(String address) {
            return recipients.stream().anyMatch(recipient -> recipient.equalsIgnoreCase(address));
        }
    }

    private final NodeReader reader;
    private final Map<String, Sent> sent = new LinkedHashMap<>();

    SentMessages(NodeReader reader) {
        this.reader = reader;
    }

    /** Whether an earlier send already took the id, and which. */
    Optional<Sent> holding(String id) {
        return Optional.ofNullable(sent.get(id));
    }

    /** Completes what is known of a sent message once its send step has been read. */
    void complete(String id, String from, List<String> recipients, boolean smime) {
        Sent earlier = sent.get(id);
        if (earlier != null) {
            sent.put(id, new Sent(id, earlier.line(), earlier.secretLabels(), from, List.copyOf(recipients), smime));
        }
    }

    /** Records a send; the first send keeps an id that two sends use (the second is reported by the send reader). */
    void add(Sent message) {
        sent.putIfAbsent(message.id(), message);
    }

    /** The message a step names, reporting it when no earlier step sent it. */
    Optional<Sent> named(ScalarNode reference) {
        return named(reference.getValue(), reference);
    }

    Optional<Sent> named(String id, Node at) {
        Optional<Sent> message = holding(id);
        if (message.isEmpty()) {
            reader.report(at, "message '" + id + "' is not sent before this step");
        }
        return message;
    }
}
