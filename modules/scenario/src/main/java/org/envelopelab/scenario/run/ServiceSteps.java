package org.envelopelab.scenario.run;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import org.envelopelab.mailnet.MailSummary;
import org.envelopelab.mailnet.StoredMail;
import org.envelopelab.routes.delivery.Envelope;
import org.envelopelab.routes.ledger.Journey;
import org.envelopelab.scenario.script.Step;
import org.envelopelab.service.protection.InlineReading;
import org.envelopelab.service.protection.ProtectedReader;
import org.envelopelab.service.protection.ProtectionException;
import org.envelopelab.service.protection.RightsException;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/** The message encryption service's steps: a portal visit, an inline forward, a revocation. */
final class ServiceSteps {

    private final RunState run;

    ServiceSteps(RunState run) {
        this.run = run;
    }

    String portal(Step.Portal step) throws Exception {
        String messageId = run.messageIds.get(step.message());
        PortalVisitor.Outcome outcome = new PortalVisitor(run.lab, run.observatory, run::say)
                .visit(step.who(), messageId, step.reply() == null ? null : step.reply().text(), step.forwardTo());
        run.observatory.visited(step.who(), messageId, new Observatory.PortalVisit(outcome.view(), outcome.refusal()));
        if (step.reply() != null && step.reply().id() != null && !outcome.refused()) {
            followReply(step, messageId);
        }
        return run.judge(outcome.refused(), outcome.refusal(), step.failsWith(), "the portal");
    }

    /** An inside reader forwards from their own client: refused under Do Not Forward, protected again otherwise. */
    String forward(Step.Forward step) throws Exception {
        String messageId = run.messageIds.get(step.message());
        Optional<StoredMail> copy = run.lab.client(step.who()).fetch("INBOX").stream()
                .filter(mail -> mail.summary().messageId().equals(messageId)).findFirst();
        if (copy.isEmpty()) {
            return run.judge(true, step.who() + " has no copy of it in their INBOX", step.failsWith(), step.who() + "'s client");
        }
        ProtectedReader reader = run.lab.service().orElseThrow().protection().reader();
        try {
            InlineReading reading = reader.read(copy.get().raw(), step.who());
            byte[] forward = reader.forward(reading, step.to());
            run.lab.client(step.who()).submit(new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(forward)), step.to());
            run.say("    " + step.who() + "'s client forwards it, asking the service to protect the new copy ("
                    + reading.license().template() + ")");
            return run.judge(false, "", step.failsWith(), step.who() + "'s client");
        } catch (RightsException | ProtectionException refused) {
            return run.judge(true, refused.getMessage(), step.failsWith(), step.who() + "'s client");
        }
    }

    String revoke(Step.Revoke step) {
        run.lab.service().orElseThrow().protection().revoke(run.messageIds.get(step.message()), step.by());
        run.say("    revoked: the portal refuses it from now on; copies already read inline in the organization"
                + " cannot be pulled back");
        return "ok";
    }

    /** Finds the reply the portal sent into the transport, so later steps can follow it like a sent message. */
    private void followReply(Step.Portal step, String originalId) {
        for (Journey journey : run.lab.routes().ledger().journeys()) {
            Envelope envelope = journey.accepted();
            MailSummary summary = MailSummary.parse(envelope.content());
            if (envelope.sender().equalsIgnoreCase(step.who()) && inReplyTo(envelope.content()).equals(originalId)
                    && !run.messageIds.containsValue(summary.messageId())) {
                run.follow(new Step.Send(step.line(), step.reply().id(), step.who(), envelope.recipients(), List.of(),
                        List.of(), summary.subject(), step.reply().text(), "", List.of(), step.reply().secrets(), null, null),
                        summary.messageId());
                run.say("    the reply is followed as '" + step.reply().id() + "'");
                return;
            }
        }
        run.say("    the portal's reply did not reach the transport");
    }

    private static String inReplyTo(byte[] content) {
        try {
            String value = new InternetHeaders(new ByteArrayInputStream(content)).getHeader("In-Reply-To", null);
            return value == null ? "" : value.trim();
        } catch (MessagingException e) {
            return "";
        }
    }
}
