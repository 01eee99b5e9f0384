package org.envelopelab.service.portal;

import org.envelopelab.service.audit.AuditKind;
import org.envelopelab.service.audit.AuditLog;
import org.envelopelab.service.message.Attachment;
import org.envelopelab.service.message.OriginalMessage;
import org.envelopelab.service.message.OuterHeaders;
import org.envelopelab.service.protection.Expiry;
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

/**
 * What the web portal does for outside recipients, as calls: show the landing page, send a
 * one-time passcode, sign in with it (or with a consumer identity provider), show the message,
 * download an attachment, reply, forward.
 * The web layer adds HTML and cookies, nothing else. Every step is audited; no passcode and no
 * message content ever is.
 *
 * <p>Rules: only an original outside recipient gets a passcode, but anyone who asks gets the same
 * answer; eight digits, fifteen minutes, one use, a newer one voids the older; five refused tries
 * lock the address for that message for ten minutes; a session ends after thirty idle minutes;
 * revocation and expiry refuse every request from the moment they take effect.
 */
public final class PortalApi {

    private final ProtectionService service;
    private final PasscodeMailer mailer;
    private final ReplySender replies;
    private final ForwardSender forwards;
    private final AuditLog audit;
    private final PasscodeBook passcodes = new PasscodeBook();
    private final Sessions sessions = new Sessions();

    public PortalApi(ProtectionService service, PasscodeMailer mailer, ReplySender replies, ForwardSender forwards) {
        this.service = service;
        this.mailer = mailer;
        this.replies = replies;
        this.forwards = forwards;
        this.audit = service.audit();
    }

    /** The sign-in page's content for a link; a revoked or expired message ends here, before any passcode. */
    public PortalLanding landing(String token) {
        StoredMessage stored = stored(token);
        requireStillReadable(stored);
        return new PortalLanding(stored.senderName(), stored.branding());
    }

    /**
     * Sends a passcode when the address is one of the message's outside recipients; answers the
     * same either way.
     */
    public PasscodeAnswer requestPasscode(String token, String email) {
        StoredMessage stored = stored(token);
        requireStillReadable(stored);
        requirePasscodes(stored);
        String address = email.trim().toLowerCase(Locale.ROOT);
        Instant now = now();
        var locked = passcodes.lockedUntil(token, address, now);
        if (locked.isPresent()) {
            audit.record(AuditKind.PASSCODE_NOT_SENT, address, stored.messageId(), "locked until " + locked.get());
            return new PasscodeAnswer("", "Too many attempts with this address. Try again after "
                    + Expiry.describe(locked.get()) + ".", true);
        }
        String reference;
        if (isOutsideRecipient(stored, address)) {
            Passcode passcode = passcodes.issue(token, address, service.randomness(), now);
            mailer.send(address, passcode.reference(), passcode.value(), stored.branding(), stored.senderName(),
                    passcode.expires());
            audit.record(AuditKind.PASSCODE_SENT, address, stored.messageId(), "reference " + passcode.reference()
                    + ", valid until " + passcode.expires());
            reference = passcode.reference();
        } else {
            // A decoy reference, drawn the same way, so the answer looks like any other.
            reference = service.randomness().letters(Passcode.REFERENCE_LENGTH);
            audit.record(AuditKind.PASSCODE_NOT_SENT, address, stored.messageId(), "not an outside recipient of this message");
        }
        return new PasscodeAnswer(reference, "If " + address + " is an address this message was sent to, a one-time"
                + " passcode is on its way there. Look for the mail with reference " + reference
                + "; the passcode is valid for 15 minutes.", false);
    }

    /** Signs in with a passcode: a session bound to this message and address, or a refusal. */
    public SignIn verify(String token, String email, String passcode) {
        StoredMessage stored = stored(token);
        requirePasscodes(stored);
        String address = email.trim().toLowerCase(Locale.ROOT);
        Instant now = now();
        PasscodeBook.Attempt attempt = passcodes.verify(token, address, passcode, now);
        if (attempt.accepted()) {
            PortalSession session = sessions.start(token, stored.messageId(), address, service.randomness(), now);
            audit.record(AuditKind.PASSCODE_VERIFIED, address, stored.messageId(), "session started");
            return new SignIn.Accepted(session);
        }
        audit.record(AuditKind.PASSCODE_FAILED, address, stored.messageId(), attempt.refusal().name().toLowerCase(Locale.ROOT));
        if (attempt.lockedUntil() != null) {
            audit.record(AuditKind.PASSCODE_LOCKED, address, stored.messageId(), PasscodeBook.MAXIMUM_FAILURES
                    + " refused tries; locked until " + attempt.lockedUntil());
            // The try that locks says so at once, rather than inviting a sixth try that cannot work.
            return new SignIn.Refused(PasscodeRefusal.LOCKED, PasscodeRefusal.LOCKED.page());
        }
        return new SignIn.Refused(attempt.refusal(), attempt.refusal().page());
    }

    /**
     * Signs in someone a consumer identity provider (Google, Yahoo, Microsoft account; in the lab a
     * simulated one) has just vouched for. The caller checked the password with the provider; this
     * decides whether that identity may read this message: only when the branding offers social
     * sign-in and the address is one of the message's outside recipients, as for passcodes. The
     * refusal may name the address: its holder has just proved it is theirs.
     */
    public PortalSession signInWithProvider(String token, String email) {
        StoredMessage stored = stored(token);
        requireStillReadable(stored);
        String address = email.trim().toLowerCase(Locale.ROOT);
        if (!stored.branding().socialSignInEnabled()) {
            audit.record(AuditKind.PROVIDER_SIGN_IN_REFUSED, address, stored.messageId(), "social sign-in is turned off");
            throw new PortalException(PortalException.Reason.SOCIAL_SIGN_IN_OFF, "Signing in with a Google, Yahoo or"
                    + " Microsoft account is turned off for this message. Request a one-time passcode instead.");
        }
        if (!isOutsideRecipient(stored, address)) {
            audit.record(AuditKind.PROVIDER_SIGN_IN_REFUSED, address, stored.messageId(), "not an outside recipient of this message");
            throw new PortalException(PortalException.Reason.NOT_AUTHORIZED, "This message was not sent to " + address
                    + ". Sign in with the account it was sent to.");
        }
        PortalSession session = sessions.start(token, stored.messageId(), address, service.randomness(), now());
        audit.record(AuditKind.SIGNED_IN_WITH_PROVIDER, address, stored.messageId(), "session started");
        return session;
    }

    /** The message, under a use license issued to the signed-in recipient. */
    public PortalView open(String sessionId) {
        return view(read(sessionId));
    }

    /**
     * As {@link #open(String)}, for a request that came in on a message link: a session started on
     * another link ends there, so a session cookie for one message never opens another.
     */
    public PortalView open(String token, String sessionId) {
        return view(read(token, sessionId));
    }

    /** One attached file, by its index in {@link PortalView#attachments()}. */
    public Attachment download(String sessionId, int index) {
        return download(read(sessionId), index);
    }

    /** As {@link #download(String, int)}, only with a session started on this message link. */
    public Attachment download(String token, String sessionId, int index) {
        return download(read(token, sessionId), index);
    }

    /** Replies to the sender, or with {@code replyAll} to everyone on the original; needs reply or reply-all. */
    public Reply reply(String sessionId, String text, boolean replyAll) {
        return reply(read(sessionId), text, replyAll);
    }

    /** As {@link #reply(String, String, boolean)}, only with a session started on this message link. */
    public Reply reply(String token, String sessionId, String text, boolean replyAll) {
        return reply(read(token, sessionId), text, replyAll);
    }

    /** Forwards the message when the rights allow it; the service protects the forward for its new recipients. */
    public void forward(String sessionId, List<String> to) {
        forward(read(sessionId), to);
    }

    /** As {@link #forward(String, List)}, only with a session started on this message link. */
    public void forward(String token, String sessionId, List<String> to) {
        forward(read(token, sessionId), to);
    }

    private PortalView view(Reading reading) {
        audit.record(AuditKind.PORTAL_VIEWED, reading.recipient(), reading.messageId(), "viewed in the portal");
        OriginalMessage message = reading.message();
        return new PortalView(message.subject(), message.from(), message.sentAt(), message.text(), message.html(),
                message.attachments(), reading.license().rights(), reading.stored().policy().expires());
    }

    private Attachment download(Reading reading, int index) {
        List<Attachment> attachments = reading.message().attachments();
        if (index < 0 || index >= attachments.size()) {
            throw new PortalException(PortalException.Reason.NO_SUCH_ATTACHMENT, "This message has no attachment number "
                    + (index + 1) + ".");
        }
        Attachment attachment = attachments.get(index);
        audit.record(AuditKind.ATTACHMENT_DOWNLOADED, reading.recipient(), reading.messageId(), attachment.name());
        return attachment;
    }

    private Reply reply(Reading reading, String text, boolean replyAll) {
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

    private void forward(Reading reading, List<String> to) {
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

    private Reading read(String sessionId) {
        return read(sessions.use(sessionId, now()));
    }

    private Reading read(String token, String sessionId) {
        return read(sessions.useOn(token, sessionId, now()));
    }

    /** Every request after sign-in goes through here: the session, then a fresh use license, so revocation bites at once. */
    private Reading read(Sessions.Live session) {
        StoredMessage stored = stored(session.token());
        UseLicense license;
        try {
            license = service.licenseForPortal(session.token(), session.recipient());
        } catch (LicenseRefusedException e) {
            PortalException.Reason reason = switch (e.reason()) {
                case REVOKED -> PortalException.Reason.REVOKED;
                case EXPIRED -> PortalException.Reason.EXPIRED;
                default -> PortalException.Reason.NOT_AUTHORIZED;
            };
            throw new PortalException(reason, e.getMessage());
        }
        byte[] original = service.open(stored, license);
        return new Reading(session.recipient(), stored, license, original);
    }

    private boolean isOutsideRecipient(StoredMessage stored, String address) {
        return stored.policy().isRecipient(address) && !service.tenant().isInside(address);
    }

    private StoredMessage stored(String token) {
        return service.stored(token).orElseThrow(() -> new PortalException(PortalException.Reason.UNKNOWN_LINK,
                "This link does not lead to a message. Check that you opened the whole link from your mail."));
    }

    /** Revoked or expired: nobody gets a passcode for it any more, and the page says why. */
    private void requireStillReadable(StoredMessage stored) {
        if (service.revocation(stored.messageId()).isPresent()) {
            throw new PortalException(PortalException.Reason.REVOKED, "This message has been revoked by the sender.");
        }
        Instant expires = stored.policy().expires();
        if (expires != null && !now().isBefore(expires)) {
            throw new PortalException(PortalException.Reason.EXPIRED, "This message expired on " + Expiry.describe(expires) + ".");
        }
    }

    private static void requirePasscodes(StoredMessage stored) {
        if (!stored.branding().otpEnabled()) {
            throw new PortalException(PortalException.Reason.PASSCODES_OFF,
                    "One-time passcodes are turned off for this message. Sign in with your Google, Yahoo or Microsoft account.");
        }
    }

    private Instant now() {
        return service.clock().instant();
    }

    /** A signed-in request's message, decrypted under its license. */
    private record Reading(String recipient, StoredMessage stored, UseLicense license, byte[] original) {

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
