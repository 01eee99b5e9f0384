package org.envelopelab.scenario.run;

import org.envelopelab.mailnet.StoredMail;
import org.envelopelab.people.Act;
import org.envelopelab.people.MailboxThief;
import org.envelopelab.scenario.script.Step;
import org.envelopelab.service.wrapper.WrapperMessage;

import java.net.URI;
import java.util.Optional;

/** The steps of the parties who attack: whoever holds a recipient's mailbox, and someone with only the link. */
public final class AttackSteps {

    private AttackSteps() {
    }

    public static Status stealMailbox(Stage stage, Step.StealMailbox step) throws Exception {
        stage.headline("someone holds " + step.victim() + "'s mailbox (a stolen password, a shared device)"
                + (step.keyBesideMail() ? ", and the S/MIME key sits beside it" : ""));
        MailboxThief thief = stage.people().thiefOf(step.victim(), step.keyBesideMail());
        Act.Read read = thief.steal(stage::say);
        stage.say("    the thief downloads " + read.messages().size() + (read.messages().size() == 1 ? " message" : " messages")
                + " from " + step.victim() + "'s mailbox");
        return Status.OK;
    }

    public static Status followLink(Stage stage, Step.FollowLink step) throws Exception {
        stage.headline(step.who() + ", who is not a recipient, opens the link of " + step.linkFrom() + "'s wrapper of '"
                + step.message() + "'");
        String messageId = stage.messageId(step.message()).orElseThrow();
        Optional<URI> link = Optional.empty();
        for (StoredMail stored : stage.lab().mail().site(Stage.domainOf(step.linkFrom())).mailbox(step.linkFrom()).inbox()) {
            if (stored.summary().messageId().equals(messageId)) {
                link = WrapperMessage.portalLink(stored.raw());
            }
        }
        if (link.isEmpty()) {
            stage.say("    " + step.linkFrom() + " holds no wrapper of it, so there is no link to pass on");
            return Status.OK;
        }
        Act.PortalVisit visit = stage.person(step.who()).followLink(messageId, link.get(), stage::say);
        stage.say("    " + (visit.shown() == null ? "the portal showed them nothing of the message: " + visit.refusal()
                : "the portal showed them the message"));
        return Status.OK;
    }
}
