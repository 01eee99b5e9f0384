package org.envelopelab.people;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.envelopelab.mailnet.MailClient;
import org.envelopelab.mailnet.StoredMail;
import org.envelopelab.people.browser.Browser;
import org.envelopelab.people.evidence.Party;
import org.envelopelab.people.evidence.Sight;
import org.envelopelab.people.evidence.Through;
import org.envelopelab.people.evidence.Timeline;
import org.envelopelab.people.writing.Composer;
import org.envelopelab.people.writing.Draft;
import org.envelopelab.service.protection.InlineReading;
import org.envelopelab.service.protection.ProtectedReader;
import org.envelopelab.service.protection.ProtectionException;
import org.envelopelab.service.protection.RightsException;
import org.envelopelab.service.wrapper.WrapperMessage;
import org.envelopelab.smime.SmimeException;
import org.envelopelab.smime.client.Reading;
import org.envelopelab.smime.client.SmimeClient;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One simulated person and everything they use: their mail client (SMTP submission and IMAP, on
 * their own site), their S/MIME client (key, address book, trust), the inline reader that asks
 * the organization's service for use licenses, and a web browser for the portal. Every action
 * returns an {@link Act} and appends what it let them read to the {@link Timeline}.
 */
public final class Person {

    private final String address;
    private final String name;
    private final MailClient mail;
    private final SmimeClient smime;
    private final ProtectedReader inline;
    private final Composer composer;
    private final Timeline timeline;
    private final Opening opening;
    private final Browser browser;
    /** How long someone with only a link checks their mailbox for a passcode before giving up: none is coming. */
    private static final java.time.Duration LINK_HOLDER_PATIENCE = java.time.Duration.ofSeconds(3);

    /** @param inline the organization's service's reader, or null when the world has no service */
    Person(String address, String name, MailClient mail, SmimeClient smime, ProtectedReader inline, Composer composer,
           Timeline timeline) {
        this.address = address;
        this.name = name;
        this.mail = mail;
        this.smime = smime;
        this.inline = inline;
        this.composer = composer;
        this.timeline = timeline;
        this.opening = new Opening(address, smime, inline, timeline);
        this.browser = new Browser(address, mail);
    }

    public String address() {
        return address;
    }

    public String name() {
        return name;
    }

    public SmimeClient smime() {
        return smime;
    }

    /** What a person's private key is to a thief: the S/MIME client holding it. */
    record Keys(SmimeClient smime) {
    }

    /** The person's key, as whoever holds the device it sits on would have it. */
    Keys keys() {
        return new Keys(smime);
    }

    ProtectedReader inlineReader() {
        return inline;
    }

    public MailClient mail() {
        return mail;
    }

    /**
     * Writes a message and sends it: the client composes the MIME, protects it with S/MIME when
     * the draft asks (refusing, as a real client does, when a certificate is missing or no good),
     * submits it over SMTP to the person's own site and files a copy in Sent.
     */
    public Act send(Draft draft) throws MessagingException {
        MimeMessage written = composer.compose(draft);
        MimeMessage outgoing = written;
        if (draft.protection() != null) {
            try {
                outgoing = smime.protect(written, draft.protection());
            } catch (SmimeException refused) {
                return new Act.Refused(address + "'s client", refused.getMessage());
            }
        }
        String messageId = written.getMessageID();
        try {
            synchronized (mail) {
                mail.submit(outgoing);
                mail.saveToSent(outgoing);
            }
        } catch (MessagingException refused) {
            return new Act.Refused(address + "'s site", refused.getMessage().strip());
        }
        String protection = draft.protection() == null ? "" : draft.protection().describe();
        Sight filed = Sight.of(Opening.bytes(outgoing));
        timeline.held(Party.sender(address), messageId, Sight.of(Opening.bytes(written)), Through.PLAINTEXT,
                "wrote it; the copy their client filed in Sent is " + filed.form());
        return new Act.Sent(messageId, protection);
    }

    /**
     * Opens the mail client and downloads a folder over IMAP, opening what the client can, sorted
     * by date as a mail client lists them (and by Message-ID when two arrived at the same lab
     * minute, so that a run reads them in the same order every time).
     */
    public Act.Read read(String folder) throws MessagingException {
        List<StoredMail> fetched = new ArrayList<>(mail.fetch(folder));
        fetched.sort(BY_DATE);
        List<Act.Opened> opened = new ArrayList<>();
        for (StoredMail stored : fetched) {
            opened.add(opening.open(stored));
        }
        return new Act.Read(folder, opened);
    }

    private static final Comparator<StoredMail> BY_DATE = Comparator
            .comparing((StoredMail stored) -> Optional.ofNullable(stored.summary().date()).orElse(Instant.EPOCH))
            .thenComparing(stored -> stored.summary().messageId());

    /**
     * Follows the link in the wrapper of a message to the organization's portal, proves who they
     * are with a one-time passcode from their own mailbox, and reads it there; optionally replies
     * or tries to forward.
     */
    public Act.PortalVisit visitPortal(String messageId, Browser.SignInBy by, String reply, String forwardTo,
                                       Consumer<String> say) throws Exception {
        Optional<URI> link = wrapperLink(messageId);
        if (link.isEmpty()) {
            // Nobody refused anything: they simply have no link to follow, so this is no evidence.
            return new Act.PortalVisit(messageId, "", null, "there is no wrapper for this message in " + address + "'s INBOX",
                    null, null);
        }
        Act.PortalVisit visit = browser.visit(messageId, link.get(), by, mail.account().password(), reply, forwardTo, say);
        Party party = timeline.reader(messageId, address);
        if (visit.shown() != null) {
            timeline.held(party, messageId, Sight.shown("the message as the portal showed it", visit.shown().visibleText(),
                    visit.shown().bodyShown(), visit.shown().attachments().stream().map(PortalPage.File::name).toList()),
                    Through.PORTAL_SESSION, "read it in the organization's portal after proving who they are with "
                            + visit.signedIn() + " (it offered: " + offered(visit.shown()) + ")");
        }
        if (visit.shown() == null && visit.refused()) {
            timeline.refused(party, messageId, visit.refusal(), "the portal refused them");
        }
        if (visit.shown() != null && visit.refused() && forwardTo != null && visit.forwarded() == null) {
            forwardRefused(messageId, List.of(forwardTo.split("\\s*,\\s*")), visit.refusal());
        }
        return visit;
    }

    /** Whoever a refused forward was meant for got nothing of the message: evidence for the forwardee's row. */
    private void forwardRefused(String messageId, List<String> to, String reason) {
        to.forEach(forwardee -> timeline.refused(Party.forwardee(forwardee), messageId, reason,
                address + " tried to forward it to them; the service refused, so nothing reached them"));
    }

    /**
     * Forwards a message from the person's own client, as clients do: a message protected by the
     * service goes back to the service, which refuses under Do Not Forward and otherwise protects
     * the new copy for its new recipients; S/MIME mail goes as the client decrypted it (a client
     * without the new recipients' certificates cannot encrypt it again); a wrapper or plain mail
     * goes as it is.
     */
    public Act forward(String messageId, List<String> to) throws MessagingException {
        Optional<StoredMail> copy = mail.fetch("INBOX").stream()
                .filter(stored -> Opening.messageIdOf(stored).equals(messageId)).findFirst();
        if (copy.isEmpty()) {
            return new Act.Refused(address + "'s client", address + " has no copy of it in their INBOX");
        }
        byte[] raw = copy.get().raw();
        Sight sight = Sight.of(raw);
        switch (sight.format()) {
            case PROTECTED -> {
                if (inline == null) {
                    return new Act.Refused(address + "'s client", "the message is protected by a service this client does not know");
                }
                try {
                    InlineReading reading = inline.read(raw, address);
                    byte[] forward = inline.forward(reading, to);
                    mail.submit(Opening.parse(forward), to);
                    return new Act.Forwarded(messageId, Opening.messageIdOf(forward), to,
                            "asked the service to protect the new copy (" + reading.license().template() + ")");
                } catch (RightsException | ProtectionException refused) {
                    forwardRefused(messageId, to, refused.getMessage());
                    return new Act.Refused(address + "'s client", refused.getMessage());
                }
            }
            case SMIME -> {
                Reading reading = smime.open(Opening.parse(raw));
                if (!reading.readable()) {
                    return new Act.Refused(address + "'s client", reading.problem());
                }
                return forwardAsIs(messageId, Opening.bytes(reading.content()), to,
                        "the message as their client decrypted it, in the clear: nothing stops a reader forwarding S/MIME mail");
            }
            default -> {
                return forwardAsIs(messageId, raw, to, sight.format() == Sight.Format.WRAPPER
                        ? "the wrapper as it is: its link, and nothing of the message" : "the message as it is");
            }
        }
    }

    /** Sends content on to new recipients under a new Message-ID, as the client's Forward does. */
    private Act forwardAsIs(String messageId, byte[] content, List<String> to, String how) throws MessagingException {
        MimeMessage forward = Opening.parse(content);
        // Made from what is forwarded, by whom and to whom, so the same run gives the same id.
        String forwardId = "<fwd." + Integer.toHexString(messageId.hashCode()) + "." + Integer.toHexString(to.hashCode())
                + "." + address.substring(0, address.indexOf('@')) + address.substring(address.indexOf('@')) + ">";
        forward.setHeader("Message-ID", forwardId);
        forward.setFrom(new jakarta.mail.internet.InternetAddress(address));
        forward.setRecipients(jakarta.mail.Message.RecipientType.TO, String.join(", ", to));
        forward.removeHeader("Cc");
        String subject = forward.getSubject() == null ? "" : forward.getSubject();
        forward.setSubject(subject.regionMatches(true, 0, "Fwd:", 0, 4) ? subject : "Fwd: " + subject, "UTF-8");
        mail.submit(forward, to);
        return new Act.Forwarded(messageId, forwardId, to, how);
    }

    /**
     * Someone who is not a recipient opens a wrapper's link they got hold of (a shared screen, a
     * forwarded chat) and asks the portal for a passcode for their own address: the portal gives
     * everyone the same answer and mails only original recipients, so none ever comes.
     */
    public Act.PortalVisit followLink(String messageId, URI link, Consumer<String> say) throws Exception {
        Act.PortalVisit visit = browser.withPatience(LINK_HOLDER_PATIENCE)
                .visit(messageId, link, Browser.SignInBy.PASSCODE, "", null, null, say);
        Party party = timeline.outsider(messageId, address);
        if (visit.shown() != null) {
            timeline.held(party, messageId, Sight.shown("the message as the portal showed it", visit.shown().visibleText(),
                    visit.shown().bodyShown(), visit.shown().attachments().stream().map(PortalPage.File::name).toList()),
                    Through.PORTAL_SESSION, "the portal let someone who holds only the link read it");
        } else {
            timeline.refused(party, messageId, visit.refusal(), "holding the link is not being a recipient: no passcode, no content");
        }
        return visit;
    }

    private Optional<URI> wrapperLink(String messageId) throws MessagingException {
        for (StoredMail stored : mail.fetch("INBOX")) {
            if (Opening.messageIdOf(stored).equals(messageId)) {
                Optional<URI> link = WrapperMessage.portalLink(stored.raw());
                if (link.isPresent()) {
                    opening.open(stored);
                    return link;
                }
            }
        }
        return Optional.empty();
    }

    private static String offered(PortalPage page) {
        List<String> offered = new ArrayList<>(List.of("view"));
        offered.addAll(page.actions());
        return String.join(", ", offered);
    }

    @Override
    public String toString() {
        return name + " <" + address + ">";
    }
}
