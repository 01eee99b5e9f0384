package org.envelopelab.scenario.run;

import org.envelopelab.mailnet.StoredMail;
import org.envelopelab.scenario.transcript.ContentInspector;
import org.envelopelab.service.portal.PasscodeAnswer;
import org.envelopelab.service.portal.PasscodeMail;
import org.envelopelab.service.portal.PortalApi;
import org.envelopelab.service.portal.PortalException;
import org.envelopelab.service.portal.PortalView;
import org.envelopelab.service.portal.SignIn;
import org.envelopelab.service.protection.RightsException;
import org.envelopelab.service.wrapper.WrapperMessage;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An outside recipient going through the portal, step by step, as a person would: find the
 * wrapper in their mailbox, follow its link, ask for a one-time passcode, fetch the passcode mail
 * from their own mailbox over IMAP, enter it, and read — then reply or try to forward.
 */
final class PortalVisitor {

    private static final Pattern PASSCODE = Pattern.compile("passcode:\\s+(\\d{6,8})", Pattern.CASE_INSENSITIVE);
    private static final Duration MAIL_WAIT = Duration.ofSeconds(30);

    /**
     * What happened.
     *
     * @param view    what the portal showed, or null when it refused before showing anything
     * @param refusal the portal's (or the rights') refusal; empty when everything asked was done
     */
    record Outcome(PortalView view, String refusal) {
        boolean refused() {
            return !refusal.isEmpty();
        }
    }

    private final LabWorld lab;
    private final Observatory observatory;
    private final Consumer<String> say;

    PortalVisitor(LabWorld lab, Observatory observatory, Consumer<String> say) {
        this.lab = lab;
        this.observatory = observatory;
        this.say = say;
    }

    Outcome visit(String who, String messageId, String reply, String forwardTo) throws Exception {
        PortalApi portal = lab.service().orElseThrow().portal();
        Optional<URI> link = wrapperLink(who, messageId);
        if (link.isEmpty()) {
            return new Outcome(null, "there is no wrapper for this message in " + who + "'s INBOX");
        }
        String token = link.get().getPath().substring(link.get().getPath().lastIndexOf('/') + 1);
        say.accept("    " + who + " opens the link in the wrapper");
        try {
            portal.landing(token);
            PasscodeAnswer answer = portal.requestPasscode(token, who);
            say.accept("    the portal mails a one-time passcode to " + who + ", and shows a reference code to match the mail");
            if (answer.locked()) {
                return new Outcome(null, answer.page());
            }
            Optional<String> passcode = passcodeMail(who, answer.reference());
            if (passcode.isEmpty()) {
                return new Outcome(null, "no passcode mail with reference " + answer.reference() + " arrived");
            }
            say.accept("    " + who + " finds the passcode mail with that reference in their INBOX and enters the passcode");
            SignIn signIn = portal.verify(token, who, passcode.get());
            if (signIn instanceof SignIn.Refused refused) {
                return new Outcome(null, refused.page());
            }
            String session = ((SignIn.Accepted) signIn).session().id();
            PortalView view = portal.open(session);
            say.accept("    the portal shows \"" + view.subject() + "\" from " + view.from() + "; allowed: "
                    + String.join(", ", view.rights().stream().map(right -> right.label()).toList()));
            if (reply != null) {
                portal.reply(session, reply, false);
                say.accept("    " + who + " replies in the portal; the reply leaves through the service, protected");
            }
            if (forwardTo != null) {
                try {
                    portal.forward(session, List.of(forwardTo));
                    say.accept("    " + who + " forwards it to " + forwardTo + "; the service protects the new copy for them");
                } catch (RightsException refused) {
                    return new Outcome(view, refused.getMessage());
                }
            }
            return new Outcome(view, "");
        } catch (PortalException | RightsException refused) {
            return new Outcome(null, refused.getMessage());
        }
    }

    private Optional<URI> wrapperLink(String who, String messageId) throws Exception {
        for (Observatory.Received received : observatory.read(who, "INBOX")) {
            StoredMail mail = received.mail();
            if (mail.summary().messageId().equals(messageId)
                    && ContentInspector.inspect(mail.raw()).format() == ContentInspector.Format.WRAPPER) {
                return WrapperMessage.portalLink(mail.raw());
            }
        }
        return Optional.empty();
    }

    /** Waits for the passcode mail with this reference to arrive, and reads the passcode out of it. */
    private Optional<String> passcodeMail(String who, String reference) throws Exception {
        lab.routes().awaitSettled(MAIL_WAIT);
        for (StoredMail mail : lab.client(who).fetch("INBOX")) {
            if (!mail.summary().subject().equals(PasscodeMail.SUBJECT)) {
                continue;
            }
            String text = new String(mail.raw(), java.nio.charset.StandardCharsets.UTF_8);
            if (!text.contains("Reference: " + reference)) {
                continue;
            }
            Matcher matcher = PASSCODE.matcher(text);
            if (matcher.find()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }
}
