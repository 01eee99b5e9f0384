package org.envelopelab.people;

import jakarta.mail.MessagingException;
import org.envelopelab.mailnet.MailClient;
import org.envelopelab.mailnet.StoredMail;
import org.envelopelab.people.browser.Browser;
import org.envelopelab.people.evidence.Party;
import org.envelopelab.people.evidence.Sight;
import org.envelopelab.people.evidence.Through;
import org.envelopelab.people.evidence.Timeline;
import org.envelopelab.service.protection.ProtectedReader;
import org.envelopelab.service.wrapper.WrapperMessage;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Whoever holds a recipient's mailbox: a stolen password, a shared device. They sign in to the
 * mailbox as the recipient and read what it holds with whatever else the password opens: the
 * organization's service licenses the account for protected mail read inline; a wrapper's link
 * leads to the portal, whose one-time passcode arrives in the very mailbox they hold (the known
 * weakness of mailed passcodes). S/MIME mail stays ciphertext unless the private key sits beside
 * the mail (a key file on the same shared device).
 */
public final class MailboxThief {

    private final String victim;
    private final MailClient mailbox;
    private final Opening opening;
    private final Browser browser;
    private final Timeline timeline;

    /**
     * @param mailbox a mail client signed in with the victim's password, on the thief's own device
     * @param key     the victim's S/MIME client when the key sits beside the mail, or null
     * @param inline  the organization's service's reader, or null without a service
     */
    MailboxThief(String victim, MailClient mailbox, Person.Keys key, ProtectedReader inline, Timeline timeline) {
        this.victim = victim;
        this.mailbox = mailbox;
        this.timeline = timeline;
        this.opening = new Opening(victim, key == null ? null : key.smime(), inline, timeline, messageId -> Party.thief(victim));
        this.browser = new Browser(victim, mailbox);
    }

    /** Downloads the victim's INBOX, opens what the stolen access opens, and follows every wrapper's link to the portal. */
    public Act.Read steal(Consumer<String> say) throws Exception {
        List<Act.Opened> opened = new ArrayList<>();
        List<StoredMail> inbox = mailbox.fetch("INBOX");
        for (StoredMail stored : inbox) {
            opened.add(opening.open(stored));
        }
        for (StoredMail stored : inbox) {
            Optional<URI> link = WrapperMessage.portalLink(stored.raw());
            String messageId = Opening.messageIdOf(stored);
            if (link.isPresent() && timeline.followed(messageId).isPresent()) {
                say.accept("    the thief opens the wrapper's link and asks for a passcode for " + victim
                        + "; it arrives in the mailbox they hold");
                portal(messageId, link.get(), say);
            }
        }
        return new Act.Read("INBOX", opened);
    }

    private void portal(String messageId, URI link, Consumer<String> say) throws Exception {
        Act.PortalVisit visit = browser.visit(messageId, link, Browser.SignInBy.PASSCODE, "", null, null, say);
        Party party = Party.thief(victim);
        if (visit.shown() != null) {
            timeline.held(party, messageId, Sight.shown("the message as the portal showed it", visit.shown().visibleText(),
                    visit.shown().bodyShown(), visit.shown().attachments().stream().map(PortalPage.File::name).toList()),
                    Through.PORTAL_SESSION, "read it in the portal with a passcode mailed to the mailbox they hold:"
                            + " the passcode proves only that its reader can open that mailbox");
        } else {
            timeline.refused(party, messageId, visit.refusal(), "the portal refused them");
        }
    }

    /** Signs the stolen session out of the mailbox. */
    void close() throws MessagingException {
        mailbox.close();
    }
}
