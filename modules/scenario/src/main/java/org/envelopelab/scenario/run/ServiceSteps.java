package org.envelopelab.scenario.run;

import org.envelopelab.people.Act;
import org.envelopelab.people.evidence.Followed;
import org.envelopelab.people.evidence.Party;
import org.envelopelab.people.evidence.Sight;
import org.envelopelab.people.evidence.Through;
import org.envelopelab.scenario.script.Step;

import java.util.List;

/** The message encryption service's steps: a portal visit, an inline forward, a revocation. */
public final class ServiceSteps {

    private ServiceSteps() {
    }

    public static Status portal(Stage stage, Step.Portal step) throws Exception {
        stage.headline(step.who() + " reads '" + step.message() + "' in the portal, signing in with "
                + step.signIn().words());
        String messageId = copyFor(stage, step.message(), stage.person(step.who()).address());
        Act.PortalVisit visit = stage.person(step.who()).visitPortal(messageId, step.signIn(),
                step.reply() == null ? null : step.reply().text(), step.forwardTo(), stage::say);
        if (step.ifWrapped() && visit.shown() == null && visit.refusal().startsWith("there is no wrapper")) {
            stage.say("    the service did not wrap it (no rule protected it), so there is nothing to do in the portal");
            return Status.OK;
        }
        if (step.reply() != null && step.reply().id() != null && visit.reply() != null) {
            Act.Replied reply = visit.reply();
            stage.follow(new Step.Send(step.line(), step.reply().id(), step.who(), reply.recipients(), List.of(), List.of(),
                    "RE: " + visit.shown().subject(), step.reply().text(), "", List.of(), step.reply().secrets(), null, null),
                    reply.messageId(), stage.lab().service().orElseThrow().tenant().domain());
            stage.timeline().held(Party.sender(step.who()), reply.messageId(),
                    Sight.shown("the reply as they wrote it in the portal", step.reply().text(), true, List.of()),
                    Through.PORTAL_SESSION, "wrote it in the organization's portal after proving who they are with "
                            + visit.signedIn() + "; it leaves through the organization's service");
            stage.say("    the reply is followed as '" + step.reply().id() + "'");
        }
        if (visit.forwarded() != null && !visit.forwarded().forwardId().isEmpty()) {
            stage.followForward(step.message(), visit.forwarded(), step.who(), stage.lab().service().orElseThrow().tenant().domain());
        }
        return stage.judge(visit.refused(), visit.refusal(), step.failsWith(), "the portal");
    }

    /**
     * The copy of a message someone reads in the portal: the message itself when it was sent to
     * them, or else the latest forward of it that reached them.
     */
    private static String copyFor(Stage stage, String id, String address) {
        String original = stage.messageId(id).orElseThrow();
        boolean sentToThem = stage.timeline().followed(original)
                .map(message -> message.recipients().stream().anyMatch(address::equalsIgnoreCase)).orElse(true);
        if (sentToThem) {
            return original;
        }
        return stage.timeline().messages().stream()
                .filter(message -> message.forwarded() && message.id().equals(id)
                        && message.recipients().stream().anyMatch(address::equalsIgnoreCase))
                .reduce((first, later) -> later).map(Followed::messageId).orElse(original);
    }

    public static Status revoke(Stage stage, Step.Revoke step) {
        stage.headline(step.by() + " revokes '" + step.message() + "'");
        stage.lab().service().orElseThrow().protection().revoke(stage.messageId(step.message()).orElseThrow(), step.by());
        stage.say("    revoked: the portal refuses it from now on; mail read inline (in the organization, or with a"
                + " Microsoft account) cannot be revoked at all");
        return Status.OK;
    }
}
