package org.envelopelab.scenario.script;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.envelopelab.people.browser.Browser.SignInBy;
import org.envelopelab.smime.ContentCipher;
import org.envelopelab.smime.KeyTransport;
import org.envelopelab.smime.SignatureForm;

/** One step of a scenario. Every step knows the line it was written on, for messages. */
public sealed interface Step {

    int line();

    /** Narration for the transcript; does nothing else. */
    record Note(int line, String text) implements Step {
    }

    /**
     * A person composes a message in their mail client and submits it to their own site.
     *
     * @param id          the message's handle for later steps ("statement"; "m1", "m2"... when not given)
     * @param from        the sender's address (always a person of the world)
     * @param to          To addresses (people's addresses, or any literal address)
     * @param cc          Cc addresses
     * @param bcc         Bcc addresses
     * @param subject     the subject
     * @param text        the text/plain body; may be empty
     * @param html        the text/html body; may be empty
     * @param attachments files attached
     * @param secrets     sensitive values in the message, by label ("card number" -> "4111 ..."), which
     *                    observations look for in what each party could read
     * @param smime       how the sender's client protects it with S/MIME; null for plain mail
     * @param failsWith   when not null, the sender's client is expected to refuse to send, with an
     *                    error containing this text (e.g. a missing certificate)
     */
    record Send(int line, String id, String from, List<String> to, List<String> cc, List<String> bcc, String subject,
                String text, String html, List<Attachment> attachments, Map<String, String> secrets,
                SmimeOptions smime, String failsWith) implements Step {
        public Send {
            to = List.copyOf(to);
            cc = List.copyOf(cc);
            bcc = List.copyOf(bcc);
            attachments = List.copyOf(attachments);
            secrets = Map.copyOf(secrets);
        }

        /** Every recipient: To, then Cc, then Bcc. */
        public List<String> recipients() {
            return java.util.stream.Stream.of(to, cc, bcc).flatMap(List::stream).toList();
        }
    }

    /**
     * What the sender's client does with S/MIME before submitting.
     *
     * @param sign         sign with the sender's key
     * @param encrypt      encrypt for every recipient (and the sender)
     * @param form         clear (multipart/signed) or opaque signature
     * @param cipher       the content cipher
     * @param keyTransport the key transport for RSA recipients
     */
    record SmimeOptions(boolean sign, boolean encrypt, SignatureForm form, ContentCipher cipher,
                        KeyTransport keyTransport) {
    }

    /**
     * A file attached to a message.
     *
     * @param name        the file name
     * @param contentType the media type, e.g. text/csv
     * @param content     the bytes
     */
    record Attachment(String name, String contentType, byte[] content) {
    }

    /**
     * Two people send each other signed mail and read it, so each client learns the other's
     * certificate — the certificate exchange S/MIME needs before anyone can encrypt.
     *
     * @param first  one person's address
     * @param second the other's
     */
    record ExchangeCertificates(int line, String first, String second) implements Step {
    }

    /** A person's certificate is published in the world's certificate directory. */
    record PublishCertificate(int line, String who) implements Step {
    }

    /** The CA that issued a person's certificate revokes it; its next CRL says so. */
    record RevokeCertificate(int line, String who) implements Step {
    }

    /**
     * An outside recipient opens the wrapper's link in the organization's portal, proves who they
     * are with a one-time passcode mailed to them, and reads the message; optionally replies or
     * tries to forward it.
     *
     * @param who       the recipient's address
     * @param message   the message id
     * @param signIn    how they prove who they are: a one-time passcode, or their provider's account
     * @param reply     a reply to send from the portal, or null
     * @param forwardTo an address to forward it to from the portal, or null
     * @param failsWith when not null, the portal is expected to refuse, with this text in its answer
     * @param ifWrapped whether the visit is only meant if the service gave them a wrapper (a comparison
     *                  plans visits before it knows which messages the rules protect); scripts never set it
     */
    record Portal(int line, String who, String message, SignInBy signIn, PortalReply reply, String forwardTo,
                  String failsWith, boolean ifWrapped) implements Step {

        public Portal(int line, String who, String message, SignInBy signIn, PortalReply reply, String forwardTo,
                      String failsWith) {
            this(line, who, message, signIn, reply, forwardTo, failsWith, false);
        }
    }

    /**
     * A reply written in the portal. It leaves through the organization's service, so it has no
     * send step of its own; its id lets expectations follow it like any sent message.
     *
     * @param id      the reply's handle for later steps, or null when nothing refers to it
     * @param text    what the recipient writes
     * @param secrets sensitive values in it, by label
     */
    record PortalReply(String id, String text, Map<String, String> secrets) {
        public PortalReply {
            secrets = Map.copyOf(secrets);
        }
    }

    /**
     * A recipient forwards a message from their own mail client: protected mail goes back to the
     * service (refused under Do Not Forward), S/MIME mail goes as their client decrypted it, a
     * wrapper or plain mail as it is. Whoever it goes to is a forwardee of the message.
     *
     * @param who       the forwarding reader's address
     * @param message   the message id
     * @param to        whom to forward it to
     * @param failsWith when not null, the client is expected to refuse (Do Not Forward), with this text
     */
    record Forward(int line, String who, String message, List<String> to, String failsWith) implements Step {
        public Forward {
            to = List.copyOf(to);
        }
    }

    /**
     * Whoever holds a recipient's mailbox (a stolen password, a shared device) reads it: every
     * followed message in it, with what the stolen access opens.
     *
     * @param victim        whose mailbox
     * @param keyBesideMail whether the victim's S/MIME private key sits where the mail does
     */
    record StealMailbox(int line, String victim, boolean keyBesideMail) implements Step {
    }

    /**
     * Someone the message was not sent to opens the link of a recipient's wrapper and asks the portal for a passcode.
     *
     * @param who      the person with the link
     * @param message  the message id
     * @param linkFrom the recipient whose wrapper's link it is
     */
    record FollowLink(int line, String who, String message, String linkFrom) implements Step {
    }

    /** The sender (or an administrator) revokes a protected message in the service. */
    record Revoke(int line, String message, String by) implements Step {
    }

    /** Moves the lab clock forward: days pass, passcodes and protected mail expire, certificates run out. */
    record AdvanceClock(int line, Duration by) implements Step {
    }

    /**
     * A site goes down: connections to it are refused, its mailboxes are kept.
     *
     * @param site    the site's domain
     * @param lasting how long, in lab time; null until a {@code restore} step
     */
    record Outage(int line, String site, Duration lasting) implements Step {
    }

    /** A site answers every SMTP command {@code by} late, for {@code lasting} (null: until restored). */
    record Slow(int line, String site, Duration by, Duration lasting) implements Step {
    }

    /** A site drops the connection in the middle of DATA, for {@code lasting} (null: until restored). */
    record DropData(int line, String site, Duration lasting) implements Step {
    }

    /** A site answers 4xx at MAIL FROM, for {@code lasting} (null: until restored). */
    record Defer(int line, String site, Duration lasting) implements Step {
    }

    /** A site is back: every outage and fault of it ends. */
    record Restore(int line, String site) implements Step {
    }

    /** Waits until the transport has settled every message sent so far (delivered, bounced or dead-lettered). */
    record Wait(int line, Duration timeout) implements Step {
    }

    /**
     * A person opens their mail client and downloads a folder over IMAP.
     *
     * @param who    the reader's address
     * @param folder the folder, INBOX by default
     */
    record Read(int line, String who, String folder) implements Step {
    }

    /** A checked claim about the run; the run fails when one does not hold. */
    sealed interface Expect extends Step {
    }

    /**
     * A mailbox holds (or does not hold) a message.
     *
     * @param owner           the mailbox owner's address
     * @param folder          the folder, INBOX by default
     * @param message         a message id from a send step, or null when matching by subject
     * @param subjectContains text the subject contains, or null when matching by message id
     * @param present         true for "holds", false for "lacks"
     */
    record ExpectMailbox(int line, String owner, String folder, String message, String subjectContains,
                         boolean present) implements Expect {
    }

    /**
     * What a party could or could not read of a message.
     *
     * @param message    the message id
     * @param party      who
     * @param canRead    items it must have been able to read: "headers", "body", "attachments" or a secret label
     * @param cannotRead items it must not have been able to read
     */
    record ExpectParty(int line, String message, PartyRef party, List<String> canRead, List<String> cannotRead)
            implements Expect {
        public ExpectParty {
            canRead = List.copyOf(canRead);
            cannotRead = List.copyOf(cannotRead);
        }
    }

    /**
     * Where a message ended up, according to the transport's ledger.
     *
     * @param message     the message id
     * @param deliveredTo addresses it must have been delivered to
     * @param bouncedFor  addresses for which it must have bounced (the sender got a non-delivery report)
     */
    record ExpectOutcome(int line, String message, List<String> deliveredTo, List<String> bouncedFor)
            implements Expect {
        public ExpectOutcome {
            deliveredTo = List.copyOf(deliveredTo);
            bouncedFor = List.copyOf(bouncedFor);
        }
    }
}
