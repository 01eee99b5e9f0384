package org.envelopelab.service.portal;

import org.envelopelab.service.audit.AuditKind;
import org.envelopelab.service.audit.AuditLog;
import org.envelopelab.service.message.Attachment;
import org.envelopelab.service.message.OriginalMessage;
import org.envelopelab.service.message.OuterHeaders;
import org.envelopelab.service.protection.ForwardedMessage;
import org.envelopelab.service.protection.LicenseRefusedException;
import org.envelopelab.service.protection.ProtectionService;
import org.envelopelab.service.protection.RightsException;
import org.envelopelab.service.protection.StoredMessage;
import org.envelopelab.service.protection.UseLicense;
import org.envelopelab.service.rights.Right;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The portal API's half for a signed-in recipient: every request checks the session, takes a
 * fresh use license (so revocation and expiry bite at once), and then shows the message, hands
 * out an attachment, sends a reply or a forward, as the license's rights allow.
 */
final class SignedInReading {

    private final ProtectionService service;
    private final ReplySender replies;
    private final ForwardSender forwards;
    private final Sessions sessions;
    private final Function<String, StoredMessage> storedMessages;
    private final AuditLog audit;

    SignedInReading(ProtectionService service, ReplySender replies, ForwardSender forwards, Sessions sessions,
                    Function<String, StoredMessage> storedMessages) {
        this.service = service;
        this.replies = replies;
        this.forwards = forwards;
        this.sessions = sessions;
        this.storedMessages = storedMessages;
        this.audit = service.audit();
    }

    PortalView view(Reading reading) {
        audit.record(AuditKind.PORTAL_VIEWED, reading.recipient(), reading.messageId(), "viewed in the portal");
        OriginalMessage message = reading.message();
        return new PortalView(message.subject(), message.from(), message.sentAt(), message.text(), message.html(),
                message.attachments(), reading.license().rights(), reading.stored().policy().expires());
    }

    Attachment download(Reading reading, int index) {
        List<Attachment> attachments = reading.message().attachments();
        if (index < 0 || index >= attachments.size()) {
            throw new PortalException(PortalException.Reason.NO_SUCH_ATTACHMENT, "This message has no attachment number "
                    + (index + 1) + ".");
        }
        Attachment attachment = attachments.get(index);
        audit.record(AuditKind.ATTACHMENT_DOWNLOADED, reading.recipient(), reading.messageId(), attachment.name());
        return attachment;
    }

    Reply reply(Reading reading, String text, boolean replyAll) {
        Right needed = replyAll ? Right.REPLY_ALL : Right.REPLY;
        if (!reading.license().allows(needed)) {
            audit.record(AuditKind.REPLY_REFUSED, reading.recipient(), reading.messageId(),
                    reading.license().template() + " does not grant " + needed.label());
            throw new RightsException(reading.license().template(), reading.name(), needed, replyAll ? "reply all to" : "reply to");
        }
        List<String> to = replyTo(reading, replyAll);
        String subject = reading.message().subject();
        String replyId = replies.send(reading.recipient(), to,
                subject.regionMatches(true, 0, "RE:", 0, 3) ? subject : "RE: " + subject, text, reading.messageId(),
                reading.license().template());
        audit.record(AuditKind.REPLIED, reading.recipient(), reading.messageId(), (replyAll ? "reply all" : "reply")
                + " to " + to.size() + " address(es)");
        return new Reply(replyId, List.copyOf(to));
    }

    Reply forward(Reading reading, List<String> to) {
        if (!reading.license().allows(Right.FORWARD)) {
            audit.record(AuditKind.FORWARD_REFUSED, reading.recipient(), reading.messageId(),
                    reading.license().template() + " does not grant forward");
            throw new RightsException(reading.license().template(), reading.name(), Right.FORWARD, "forward");
        }
        String domain = reading.recipient().substring(reading.recipient().indexOf('@') + 1);
        byte[] forward = ForwardedMessage.build(reading.recipient(), reading.name(), to, reading.original(),
                reading.license().template(), now(), service.randomness().messageId(domain, service.clock()));
        forwards.send(reading.recipient(), List.copyOf(to), forward, reading.license().template());
        audit.record(AuditKind.FORWARDED, reading.recipient(), reading.messageId(), "to " + to.size()
                + " address(es), marked for protection with " + reading.license().template());
        return new Reply(OuterHeaders.read(forward).messageId().orElse(""), List.copyOf(to));
    }

    private List<String> replyTo(Reading reading, boolean replyAll) {
        OuterHeaders headers = OuterHeaders.read(reading.original());
        Set<String> to = new LinkedHashSet<>();
        to.add(headers.from().map(address -> address.getAddress().toLowerCase(Locale.ROOT))
                .orElse(reading.stored().policy().sender()));
        if (replyAll) {
            headers.to().forEach(address -> to.add(address.getAddress().toLowerCase(Locale.ROOT)));
            headers.cc().forEach(address -> to.add(address.getAddress().toLowerCase(Locale.ROOT)));
        }
        to.remove(reading.recipient());
        return new ArrayList<>(to);
    }

    Reading read(String sessionId) {
        return read(sessions.use(sessionId, now()));
    }

    Reading read(String token, String sessionId) {
        return read(sessions.useOn(token, sessionId, now()));
    }

    /** Every request after sign-in goes through here: the session, then a fresh use license, so revocation bites at once. */
    private Reading read(Sessions.Live session) {
        StoredMessage stored = storedMessages.apply(session.token());
        UseLicense license;
        try {
            license = service.licenseForPortal(session.token(), session.recipient());
        } catch (LicenseRefusedException e) {
            throw switch (e.reason()) {
                case REVOKED -> new PortalException(PortalException.Reason.REVOKED, e.getMessage() + " " + PortalApi.askAgain(stored));
                case EXPIRED -> new PortalException(PortalException.Reason.EXPIRED, e.getMessage() + " " + PortalApi.askAgain(stored));
                default -> new PortalException(PortalException.Reason.NOT_AUTHORIZED, e.getMessage());
            };
        }
        byte[] original = service.open(stored, license);
        return new Reading(session.recipient(), stored, license, original);
    }

    private Instant now() {
        return service.clock().instant();
    }

    /** A signed-in request's message, decrypted under its license. */
    record Reading(String recipient, StoredMessage stored, UseLicense license, byte[] original) {

        String messageId() {
            return stored.messageId();
        }

        OriginalMessage message() {
            return OriginalMessage.parse(original);
        }

        String name() {
            return OuterHeaders.read(original).displayNameOf(recipient);
        }
    }
}
