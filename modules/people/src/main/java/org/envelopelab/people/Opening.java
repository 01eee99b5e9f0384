package org.envelopelab.people;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.envelopelab.mailnet.MailSummary;
import org.envelopelab.mailnet.StoredMail;
import org.envelopelab.people.evidence.Party;
import org.envelopelab.people.evidence.Sight;
import org.envelopelab.people.evidence.Through;
import org.envelopelab.people.evidence.Timeline;
import org.envelopelab.service.protection.InlineReading;
import org.envelopelab.service.protection.ProtectedReader;
import org.envelopelab.service.protection.ProtectionException;
import org.envelopelab.service.rights.Right;
import org.envelopelab.smime.client.Reading;
import org.envelopelab.smime.client.SmimeClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * What a person's mail client does with a message it downloaded: plain mail is shown as it is;
 * S/MIME is decrypted with the person's key and its signature checked (the client keeps a genuine
 * signer's certificate); the service's protected mail is opened inline with a use license; a
 * wrapper only offers its link. Each opening appends to the timeline what the person could read.
 */
final class Opening {

    private static final Session MIME = Session.getInstance(new Properties());

    private final String reader;
    private final SmimeClient smime;
    private final ProtectedReader inline;
    private final Timeline timeline;
    private final Function<String, Party> partyOf;

    /** A person's own client: they read as a recipient, or as a forwardee of a forwarded copy. */
    Opening(String reader, SmimeClient smime, ProtectedReader inline, Timeline timeline) {
        this(reader, smime, inline, timeline, messageId -> timeline.reader(messageId, reader));
    }

    /**
     * @param reader  whose mailbox and account it is
     * @param smime   the S/MIME client whose key opens the mail, or null when whoever opens it has no key
     * @param inline  the organization's service's reader, or null when the world has no service
     * @param partyOf who is reading, for a Message-ID
     */
    Opening(String reader, SmimeClient smime, ProtectedReader inline, Timeline timeline, Function<String, Party> partyOf) {
        this.reader = reader;
        this.smime = smime;
        this.inline = inline;
        this.timeline = timeline;
        this.partyOf = partyOf;
    }

    Act.Opened open(StoredMail mail) {
        byte[] raw = mail.raw();
        Sight sight = Sight.of(raw);
        String messageId = mail.summary().messageId();
        Party party = partyOf.apply(messageId);
        String held = "downloaded it over IMAP: " + sight.form();
        List<String> notes = new ArrayList<>();
        byte[] readable = null;
        switch (sight.format()) {
            case SMIME -> {
                if (smime == null) {
                    notes.add("no key to open it");
                    timeline.held(party, messageId, sight, sight.encrypted() ? Through.CIPHERTEXT : Through.PLAINTEXT,
                            held + (sight.encrypted() ? "; without the private key it stays ciphertext" : ""));
                    break;
                }
                Reading reading = smime.read(parse(raw));
                if (!reading.readable()) {
                    notes.add("cannot open it: " + reading.problem());
                    timeline.held(party, messageId, sight, Through.CIPHERTEXT, held + "; their client could not open it: "
                            + reading.problem());
                    break;
                }
                notes.add("opened: " + String.join(", then ", reading.layers()));
                StringBuilder why = new StringBuilder(held).append("; their client opened it (")
                        .append(String.join(", then ", reading.layers())).append(")");
                if (reading.signature() != null) {
                    notes.add(reading.signature().summary());
                    why.append("; ").append(reading.signature().summary());
                }
                if (!reading.learned().isEmpty()) {
                    notes.add("the client keeps the signer's certificate for " + String.join(", ", reading.learned()));
                }
                readable = bytes(reading.content());
                timeline.held(party, messageId, Sight.of(readable),
                        reading.encrypted() ? Through.SMIME_KEY : Through.PLAINTEXT, why.toString());
            }
            case PROTECTED -> {
                if (inline == null) {
                    timeline.held(party, messageId, sight, Through.CIPHERTEXT, held + "; no service to ask for a use license");
                    break;
                }
                try {
                    InlineReading reading = inline.read(raw, reader);
                    readable = reading.original();
                    String license = reading.license().template() + ": " + rights(reading.rights());
                    notes.add("protected by the service: the client got a use license (" + license + ") and shows it inline");
                    timeline.held(party, messageId, Sight.of(reading.original()), Through.USE_LICENSE,
                            held + "; their client got a use license from the service (" + license + ") and opened it inline");
                } catch (ProtectionException refused) {
                    notes.add("protected by the service, which gave no use license: " + refused.getMessage());
                    timeline.held(party, messageId, sight, Through.CIPHERTEXT, held);
                    timeline.refused(party, messageId, refused.getMessage(), "the service gave them no use license");
                }
            }
            case WRAPPER -> {
                notes.add("a wrapper: the message stays with the service; its link leads to the portal");
                WrapperLook.of(raw).ifPresent(look -> notes.add("the wrapper is branded: " + look));
                timeline.held(party, messageId, sight, Through.WRAPPER_ONLY,
                        held + "; to read the message they must open the link and prove who they are");
            }
            case PLAIN, UNREADABLE -> {
                readable = raw;
                timeline.held(party, messageId, sight, Through.PLAINTEXT, held);
            }
        }
        return new Act.Opened(mail, notes, readable);
    }

    static String rights(Set<Right> rights) {
        return String.join(", ", EnumSet.copyOf(rights).stream().map(Right::label).toList());
    }

    static MimeMessage parse(byte[] raw) {
        try {
            return new MimeMessage(MIME, new ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot parse a downloaded message", e);
        }
    }

    static byte[] bytes(MimeMessage message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot write an opened message", e);
        }
    }

    /** The Message-ID of downloaded bytes, for finding one message among many. */
    static String messageIdOf(StoredMail mail) {
        return messageIdOf(mail.raw());
    }

    static String messageIdOf(byte[] raw) {
        return MailSummary.parse(raw).messageId();
    }
}
