package org.envelopelab.people;

import org.envelopelab.mailnet.StoredMail;

import java.util.List;

/**
 * What a person did, as a typed record: every action of a {@link Person} returns one, and
 * appends what it let the person read to the timeline.
 */
public sealed interface Act {

    /** Whether the action was refused (by the person's own client, the service or the portal). */
    default boolean refused() {
        return this instanceof Refused;
    }

    /**
     * A message left the person's client.
     *
     * @param messageId  its Message-ID
     * @param protection what the client did with S/MIME first, e.g. "signed and encrypted (aes-256-gcm)"; empty for none
     */
    record Sent(String messageId, String protection) implements Act {
    }

    /**
     * The person's client downloaded a folder and opened what it could.
     *
     * @param folder   the folder
     * @param messages each message with what opening it involved
     */
    record Read(String folder, List<Opened> messages) implements Act {
        public Read {
            messages = List.copyOf(messages);
        }
    }

    /**
     * One downloaded message and what the client made of it.
     *
     * @param mail     the copy as downloaded
     * @param notes    what opening it involved, for narration: S/MIME layers and signatures, a use
     *                 license, a wrapper's link; empty for plain mail
     * @param readable the message as the client can show it (decrypted, licensed), or null when it
     *                 could not open it (or it holds only a wrapper)
     */
    record Opened(StoredMail mail, List<String> notes, byte[] readable) {
        public Opened {
            notes = List.copyOf(notes);
        }
    }

    /**
     * Something refused to do what the person asked.
     *
     * @param by     who refused: "carol@gmail.example's client", "the portal", "the service"
     * @param reason the refusal, one sentence
     */
    record Refused(String by, String reason) implements Act {
    }

    /**
     * The person forwarded a message: from their client (a protected message is protected again by
     * the service, with its template; a wrapper or plain mail goes as it is; S/MIME mail as their
     * client decrypted it), or from the portal.
     *
     * @param messageId the original's Message-ID
     * @param forwardId the forward's own Message-ID, to follow it
     * @param to        the new recipients
     * @param how       what went, for people: "protected again by the service (Encrypt-Only)", "the wrapper as it is"
     */
    record Forwarded(String messageId, String forwardId, List<String> to, String how) implements Act {
        public Forwarded {
            to = List.copyOf(to);
        }
    }

    /**
     * The person replied in the portal; the reply leaves through the organization's service, protected.
     *
     * @param messageId  the reply's Message-ID, as the portal reported it
     * @param recipients whom the reply went to
     */
    record Replied(String messageId, List<String> recipients) implements Act {
        public Replied {
            recipients = List.copyOf(recipients);
        }
    }

    /**
     * A visit to the organization's portal for one message.
     *
     * @param messageId the message's Message-ID
     * @param signedIn  how the person proved who they are ("a one-time passcode"), or empty when refused before
     * @param shown     what the portal showed, or null when it refused before showing anything
     * @param refusal   the portal's refusal; empty when everything asked was done
     * @param reply     the reply written there, or null
     * @param forwarded the forward sent from there, or null
     */
    record PortalVisit(String messageId, String signedIn, PortalPage shown, String refusal, Replied reply,
                       Forwarded forwarded) implements Act {
        @Override
        public boolean refused() {
            return !refusal.isEmpty();
        }
    }
}
