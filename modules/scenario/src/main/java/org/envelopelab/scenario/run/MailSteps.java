package org.envelopelab.scenario.run;

import org.envelopelab.mailnet.MailSummary;
import org.envelopelab.people.Act;
import org.envelopelab.people.writing.Draft;
import org.envelopelab.routes.ledger.Disposition;
import org.envelopelab.routes.ledger.Journey;
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
public final class MailSteps {

    /**
     * The lab clock moves only between steps, never while mail is in the transport, so every run
     * stamps the same times: a minute passes each time the mail settles, and days pass on request.
     */
    static final Duration SETTLED_MAIL_TAKES = Duration.ofMinutes(1);

    private MailSteps() {
    }

    public static Status send(Stage stage, Step.Send send) throws Exception {
        stage.headline("send '" + send.id() + "': " + send.from() + " writes \"" + send.subject() + "\"");
        String messageId = "<" + send.id() + "." + stage.scenario().seed() + "@" + Stage.domainOf(send.from()) + ">";
        Draft draft = new Draft(send.from(), send.to(), send.cc(), send.bcc(), send.subject(), send.text(), send.html(),
                send.attachments().stream()
                        .map(file -> new Draft.Attachment(file.name(), file.contentType(), file.content()))
                        .toList(),
                messageId, protection(send.smime()));
        stage.follow(send, messageId, Stage.domainOf(send.from()));
        Act act = stage.person(send.from()).send(draft);
        if (act instanceof Act.Refused refused) {
            stage.unfollow(send);
            return stage.judge(true, refused.reason(), send.failsWith(), refused.by());
        }
        if (send.failsWith() != null) {
            return stage.judge(false, "", send.failsWith(), send.from() + "'s client");
        }
        Act.Sent sent = (Act.Sent) act;
        if (!sent.protection().isEmpty()) {
            stage.say("    " + send.from() + "'s client protected it with S/MIME: " + sent.protection());
        }
        List<String> to = new ArrayList<>();
        to.add("to " + String.join(", ", send.to()));
        if (!send.cc().isEmpty()) {
            to.add("cc " + String.join(", ", send.cc()));
        }
        if (!send.bcc().isEmpty()) {
            to.add("bcc " + String.join(", ", send.bcc()));
        }
        stage.say("    submitted over SMTP to " + Stage.domainOf(send.from()) + ", " + String.join("; ", to)
                + (send.attachments().isEmpty() ? "" : "; attached " + send.attachments().stream()
                        .map(Step.Attachment::name).collect(Collectors.joining(", "))));
        return Status.OK;
    }

    public static Status await(Stage stage, Step.Wait wait) throws InterruptedException {
        stage.headline("wait for delivery (up to " + wait.timeout().toSeconds() + " s)");
        // Lab time passes from retry to retry until everything settles (TransportTime).
        boolean settled = stage.transportTime().settle(wait.timeout(), stage::say);
        for (Step.Send send : stage.sentSinceLastWait()) {
            stage.messageId(send.id()).flatMap(id -> stage.lab().routes().ledger().journey(id))
                    .ifPresent(journey -> stage.say("    '" + send.id() + "': " + fate(journey)));
        }
        stage.witness();
        if (!settled) {
            stage.say("    timed out after " + wait.timeout().toSeconds() + " s: " + stage.lab().routes().ledger()
                    .pendingCount() + " copies are still in the transport");
            return Status.FAILED;
        }
        stage.lab().clock().advance(SETTLED_MAIL_TAKES);
        stage.say("    every message is settled: delivered, bounced or dead-lettered");
        return Status.OK;
    }

    public static Status read(Stage stage, Step.Read read) throws Exception {
        stage.headline(read.who() + " opens " + read.folder());
        Act.Read act = stage.person(read.who()).read(read.folder());
        stage.say("    downloaded " + act.messages().size() + (act.messages().size() == 1 ? " message" : " messages") + " over IMAP");
        for (Act.Opened opened : act.messages()) {
            MailSummary summary = opened.mail().summary();
            stage.say("      \"" + summary.subject() + "\" from " + summary.from());
            opened.notes().forEach(note -> stage.say("        " + note));
        }
        return Status.OK;
    }

    /** A recipient forwards from their own client; the forward is followed as the same message, to forwardees. */
    public static Status forward(Stage stage, Step.Forward step) throws Exception {
        stage.headline(step.who() + " forwards '" + step.message() + "' to " + String.join(", ", step.to()));
        Act act = stage.person(step.who()).forward(stage.messageId(step.message()).orElseThrow(), step.to());
        if (act instanceof Act.Refused refused) {
            return stage.judge(true, refused.reason(), step.failsWith(), refused.by());
        }
        Act.Forwarded forwarded = (Act.Forwarded) act;
        stage.say("    " + step.who() + "'s client forwards " + forwarded.how());
        stage.followForward(step.message(), forwarded, step.who(), Stage.domainOf(step.who()));
        return stage.judge(false, "", step.failsWith(), step.who() + "'s client");
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
        long notices = journey.reports().stream().filter(id -> id.contains("-delay")).count();
        long failures = journey.reports().size() - notices;
        if (failures > 0) {
            parts.add("the sender got " + (failures == 1 ? "a non-delivery report" : failures + " non-delivery reports"));
        }
        if (notices > 0) {
            parts.add("the sender got a delay notice");
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
