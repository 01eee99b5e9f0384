package org.envelopelab.scenario.run;

import org.envelopelab.mailnet.MailSummary;
import org.envelopelab.routes.ledger.Disposition;
import org.envelopelab.routes.ledger.Journey;
import org.envelopelab.routes.senders.Draft;
import org.envelopelab.scenario.script.Step;
import org.envelopelab.smime.EncryptionOptions;
import org.envelopelab.smime.client.Protection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The everyday steps: a person sends, the run waits for the mail to settle, a person reads. */
final class MailSteps {

    /**
     * The lab clock moves only between steps, never while mail is in the transport, so every run
     * stamps the same times: a minute passes each time the mail settles, and days pass on request.
     */
    static final Duration SETTLED_MAIL_TAKES = Duration.ofMinutes(1);

    private final RunState run;
    private int reportedByLastWait;

    MailSteps(RunState run) {
        this.run = run;
    }

    String send(Step.Send send) {
        String messageId = "<" + send.id() + "." + run.scenario.seed() + "@" + RunState.domainOf(send.from()) + ">";
        Draft draft = new Draft(send.from(), send.to(), send.cc(), send.bcc(), send.subject(), send.text(), send.html(),
                send.attachments().stream()
                        .map(file -> new Draft.Attachment(file.name(), file.contentType(), file.content()))
                        .toList(),
                messageId, protection(send.smime()));
        String sent;
        try {
            sent = run.lab.routes().send(draft);
        } catch (RuntimeException refused) {
            if (send.failsWith() == null) {
                throw refused;
            }
            return run.judge(true, ScenarioRunner.reason(refused), send.failsWith(), send.from() + "'s client");
        }
        run.messageIds.put(send.id(), sent);
        if (send.failsWith() != null) {
            return run.judge(false, "", send.failsWith(), send.from() + "'s client");
        }
        if (draft.protection() != null) {
            run.say("    " + send.from() + "'s client protected it with S/MIME: " + draft.protection().describe());
        }
        List<String> to = new ArrayList<>();
        to.add("to " + String.join(", ", send.to()));
        if (!send.cc().isEmpty()) {
            to.add("cc " + String.join(", ", send.cc()));
        }
        if (!send.bcc().isEmpty()) {
            to.add("bcc " + String.join(", ", send.bcc()));
        }
        run.say("    submitted over SMTP to " + RunState.domainOf(send.from()) + ", " + String.join("; ", to)
                + (send.attachments().isEmpty() ? "" : "; attached " + send.attachments().stream()
                        .map(Step.Attachment::name).collect(Collectors.joining(", "))));
        return "ok";
    }

    String await(Step.Wait wait) throws InterruptedException {
        boolean settled = run.lab.routes().awaitSettled(wait.timeout());
        List<Map.Entry<String, String>> sent = new ArrayList<>(run.messageIds.entrySet());
        for (Map.Entry<String, String> message : sent.subList(reportedByLastWait, sent.size())) {
            run.lab.routes().ledger().journey(message.getValue())
                    .ifPresent(journey -> run.say("    '" + message.getKey() + "': " + fate(journey)));
        }
        reportedByLastWait = sent.size();
        if (!settled) {
            run.say("    timed out: " + run.lab.routes().ledger().totals().pending() + " copies are still in the transport");
            return "failed";
        }
        run.lab.clock().advance(SETTLED_MAIL_TAKES);
        run.say("    every message is settled: delivered, bounced or dead-lettered");
        return "ok";
    }

    String read(Step.Read read) throws Exception {
        List<Observatory.Received> received = run.observatory.read(read.who(), read.folder());
        run.say("    downloaded " + received.size() + (received.size() == 1 ? " message" : " messages") + " over IMAP");
        for (Observatory.Received mail : received) {
            MailSummary summary = mail.mail().summary();
            run.say("      \"" + summary.subject() + "\" from " + summary.from());
            mail.notes().forEach(note -> run.say("        " + note));
        }
        return "ok";
    }

    private static Protection protection(Step.SmimeOptions smime) {
        return smime == null ? null : new Protection(smime.sign(), smime.encrypt(), smime.form(),
                new EncryptionOptions(smime.cipher(), smime.keyTransport()));
    }

    private static String fate(Journey journey) {
        Map<Disposition, List<String>> by = new LinkedHashMap<>();
        journey.outcomes().forEach((recipient, outcome) ->
                by.computeIfAbsent(outcome.disposition(), d -> new ArrayList<>()).add(recipient));
        List<String> parts = new ArrayList<>();
        by.forEach((disposition, recipients) -> parts.add(name(disposition) + " " + String.join(", ", recipients)));
        if (!journey.reports().isEmpty()) {
            parts.add("the sender got " + (journey.reports().size() == 1 ? "a non-delivery report"
                    : journey.reports().size() + " non-delivery reports"));
        }
        return String.join("; ", parts);
    }

    private static String name(Disposition disposition) {
        return switch (disposition) {
            case PENDING -> "pending for";
            case DELIVERED -> "delivered to";
            case BOUNCED -> "bounced for";
            case DEAD_LETTERED -> "dead-lettered for";
        };
    }
}
