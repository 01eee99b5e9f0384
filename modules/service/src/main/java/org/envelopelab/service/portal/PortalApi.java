package org.envelopelab.service.portal;

import org.envelopelab.service.audit.AuditKind;
import org.envelopelab.service.audit.AuditLog;
import org.envelopelab.service.branding.BrandingTemplate;
import org.envelopelab.service.message.Attachment;
import org.envelopelab.service.protection.Expiry;
import org.envelopelab.service.protection.ProtectionService;
import org.envelopelab.service.protection.StoredMessage;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * What the web portal does for outside recipients, as calls: show the landing page, send a
 * one-time passcode, sign in with it (or with a consumer identity provider), show the message,
 * download an attachment, reply, forward.
 * The web layer adds HTML and cookies, nothing else. Every step is audited; no passcode and no
 * message content ever is.
 *
 * <p>Rules: only an original outside recipient gets a passcode, but anyone who asks gets the same
 * answer, as fast; eight digits, fifteen minutes, one use, a newer one voids the older; five
 * refused tries — wrong passcodes and passwords a provider refused, together — lock the address
 * for that message for ten minutes; a session ends after thirty idle minutes; revocation and
 * expiry refuse every request from the moment they take effect.
 */
public final class PortalApi {

    /** What a link that leads to no stored message shows, wherever it is refused. */
    public static final String NO_SUCH_LINK = "This link does not lead to a message. Check that you opened the whole link"
            + " from your mail; if it still does not work, ask the sender to send it again.";

    private static final String PROVIDER_WRONG = "That address and password do not belong together.";
    private static final String PROVIDER_LOCKED = "Too many attempts with this address. Wait ten minutes, then try again.";

    private final ProtectionService service;
    private final PasscodeMailer mailer;
    private final ReplySender replies;
    private final ForwardSender forwards;
    private final AuditLog audit;
    private final PasscodeBook passcodes = new PasscodeBook();
    private final SignInThrottle throttle = new SignInThrottle();
    private final Sessions sessions = new Sessions();
    private final SignedInReading reading;

    public PortalApi(ProtectionService service, PasscodeMailer mailer, ReplySender replies, ForwardSender forwards) {
        this.service = service;
        this.mailer = mailer;
        this.replies = replies;
        this.forwards = forwards;
        this.audit = service.audit();
        this.reading = new SignedInReading(service, replies, forwards, sessions, this::stored);
    }

    /** The sign-in page's content for a link; a revoked or expired message ends here, before any passcode. */
    public PortalLanding landing(String token) {
        StoredMessage stored = stored(token);
        requireStillReadable(stored);
        return new PortalLanding(stored.senderName(), stored.branding());
    }

    /**
     * How the pages of a link's message look — also once it is revoked or expired, so that a
     * refusal still carries the organization's branding; empty for a link that leads nowhere.
     */
    public Optional<BrandingTemplate> brandingOf(String token) {
        return service.stored(token).map(StoredMessage::branding);
    }

    /** The organization whose portal this is, for pages that belong to no message. */
    public String organization() {
        return service.tenant().name();
    }

    /**
     * Sends a passcode when the address is one of the message's outside recipients; answers the
     * same either way, and as fast.
     *
     * @param afterAnswer runs the writing and sending of the passcode mail once the answer has gone
     *                    out. That work takes milliseconds which asking for anyone else does not:
     *                    done before the answer — or beside it, sharing a busy machine's cores — the
     *                    time to answer would tell whoever holds a link which addresses are
     *                    recipients. The web portal runs it when its response is complete; a caller
     *                    without a response to wait for passes {@code Runnable::run}.
     */
    public PasscodeAnswer requestPasscode(String token, String email, Executor afterAnswer) {
        StoredMessage stored = stored(token);
        requireStillReadable(stored);
        requirePasscodes(stored);
        String address = email.trim().toLowerCase(Locale.ROOT);
        Instant now = now();
        var locked = throttle.lockedUntil(token, address, now);
        if (locked.isPresent()) {
            audit.record(AuditKind.PASSCODE_NOT_SENT, address, stored.messageId(), "locked until " + locked.get());
            return new PasscodeAnswer("", "Too many attempts with this address. Try again after "
                    + Expiry.describe(locked.get()) + ".", true);
        }
        String reference;
        if (isOutsideRecipient(stored, address)) {
            Passcode passcode = passcodes.issue(token, address, service.randomness(), now);
            afterAnswer.execute(() -> mail(address, passcode, stored));
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

    /** Hands a passcode to the mailer and audits whether it went; nobody waits for this, so a failure shows in the audit log. */
    private void mail(String address, Passcode passcode, StoredMessage stored) {
        try {
            mailer.send(address, passcode.reference(), passcode.value(), stored.branding(), stored.senderName(),
                    passcode.expires());
            audit.record(AuditKind.PASSCODE_SENT, address, stored.messageId(), "reference " + passcode.reference()
                    + ", valid until " + passcode.expires());
        } catch (RuntimeException e) {
            audit.record(AuditKind.PASSCODE_NOT_SENT, address, stored.messageId(), "reference " + passcode.reference()
                    + ": the mailer failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Signs in with a passcode: a session bound to this message and address, or a refusal. */
    public SignIn verify(String token, String email, String passcode) {
        StoredMessage stored = stored(token);
        requirePasscodes(stored);
        String address = email.trim().toLowerCase(Locale.ROOT);
        Instant now = now();
        if (throttle.lockedUntil(token, address, now).isPresent()) {
            audit.record(AuditKind.PASSCODE_FAILED, address, stored.messageId(), "locked");
            return new SignIn.Refused(SignInRefusal.LOCKED, SignInRefusal.LOCKED.page());
        }
        SignInRefusal refusal = passcodes.verify(token, address, passcode, now);
        if (refusal == null) {
            throttle.succeeded(token, address);
            PortalSession session = sessions.start(token, stored.messageId(), address, service.randomness(), now);
            audit.record(AuditKind.PASSCODE_VERIFIED, address, stored.messageId(), "session started");
            return new SignIn.Accepted(session);
        }
        audit.record(AuditKind.PASSCODE_FAILED, address, stored.messageId(), refusal.name().toLowerCase(Locale.ROOT));
        var lockedNow = throttle.refused(token, address, now);
        if (lockedNow.isPresent()) {
            audit.record(AuditKind.PASSCODE_LOCKED, address, stored.messageId(), SignInThrottle.MAXIMUM_FAILURES
                    + " refused tries; locked until " + lockedNow.get());
            // The try that locks says so at once, rather than inviting a sixth try that cannot work.
            return new SignIn.Refused(SignInRefusal.LOCKED, SignInRefusal.LOCKED.page());
        }
        return new SignIn.Refused(refusal, refusal.page());
    }

    /**
     * Signs in with a consumer identity provider (Google, Yahoo, Microsoft account; in the lab a
     * simulated one): a session bound to this message and address, or a refusal. The provider is
     * asked — {@code providerVouches}, which the web layer answers by checking the password with
     * it — only while the address is not locked out, so a locked address is no password oracle.
     * Refused passwords count toward the same lock as wrong passcodes: five in all lock the address
     * for this message for ten minutes, and the try that locks says so. Whom the provider vouched
     * for may read only when the branding offers social sign-in and the address is one of the
     * message's outside recipients, as for passcodes; that refusal may name the address, since
     * its holder has just proved it is theirs.
     *
     * @throws PortalException revoked, expired, unknown link, social sign-in off, or not a recipient
     */
    public SignIn signInWithProvider(String token, String email, BooleanSupplier providerVouches) {
        StoredMessage stored = stored(token);
        requireStillReadable(stored);
        String address = email.trim().toLowerCase(Locale.ROOT);
        if (!stored.branding().socialSignInEnabled()) {
            audit.record(AuditKind.PROVIDER_SIGN_IN_REFUSED, address, stored.messageId(), "social sign-in is turned off");
            throw new PortalException(PortalException.Reason.SOCIAL_SIGN_IN_OFF, "Signing in with a Google, Yahoo or"
                    + " Microsoft account is turned off for this message. Request a one-time passcode instead.");
        }
        Instant now = now();
        var locked = throttle.lockedUntil(token, address, now);
        if (locked.isPresent()) {
            audit.record(AuditKind.PROVIDER_SIGN_IN_REFUSED, address, stored.messageId(), "locked until " + locked.get());
            return new SignIn.Refused(SignInRefusal.LOCKED, PROVIDER_LOCKED);
        }
        if (!providerVouches.getAsBoolean()) {
            var lockedNow = throttle.refused(token, address, now);
            audit.record(AuditKind.PROVIDER_SIGN_IN_REFUSED, address, stored.messageId(), "the provider refused the password"
                    + lockedNow.map(until -> "; " + SignInThrottle.MAXIMUM_FAILURES + " refused tries, locked until " + until)
                    .orElse(""));
            return lockedNow.isPresent() ? new SignIn.Refused(SignInRefusal.LOCKED, PROVIDER_LOCKED)
                    : new SignIn.Refused(SignInRefusal.WRONG, PROVIDER_WRONG);
        }
        if (!isOutsideRecipient(stored, address)) {
            audit.record(AuditKind.PROVIDER_SIGN_IN_REFUSED, address, stored.messageId(), "not an outside recipient of this message");
            throw new PortalException(PortalException.Reason.NOT_AUTHORIZED, "This message was not sent to " + address
                    + ". Sign in with the account it was sent to.");
        }
        throttle.succeeded(token, address);
        PortalSession session = sessions.start(token, stored.messageId(), address, service.randomness(), now);
        audit.record(AuditKind.SIGNED_IN_WITH_PROVIDER, address, stored.messageId(), "session started");
        return new SignIn.Accepted(session);
    }

    /**
     * Ends a session started on this message link, so that its cookie opens nothing any more. A
     * session of another link, or one already over, is left as it is: signing out twice is no error.
     */
    public void signOut(String token, String sessionId) {
        Sessions.Live ended = sessions.end(token, sessionId);
        if (ended != null) {
            audit.record(AuditKind.SIGNED_OUT, ended.recipient(), ended.messageId(), "session ended by the recipient");
        }
    }

    /** The message, under a use license issued to the signed-in recipient. */
    public PortalView open(String sessionId) {
        return reading.view(reading.read(sessionId));
    }

    /**
     * As {@link #open(String)}, for a request that came in on a message link: a session started on
     * another link ends there, so a session cookie for one message never opens another.
     */
    public PortalView open(String token, String sessionId) {
        return reading.view(reading.read(token, sessionId));
    }

    /** One attached file, by its index in {@link PortalView#attachments()}. */
    public Attachment download(String sessionId, int index) {
        return reading.download(reading.read(sessionId), index);
    }

    /** As {@link #download(String, int)}, only with a session started on this message link. */
    public Attachment download(String token, String sessionId, int index) {
        return reading.download(reading.read(token, sessionId), index);
    }

    /** Replies to the sender, or with {@code replyAll} to everyone on the original; needs reply or reply-all. */
    public Reply reply(String sessionId, String text, boolean replyAll) {
        return reading.reply(reading.read(sessionId), text, replyAll);
    }

    /** As {@link #reply(String, String, boolean)}, only with a session started on this message link. */
    public Reply reply(String token, String sessionId, String text, boolean replyAll) {
        return reading.reply(reading.read(token, sessionId), text, replyAll);
    }

    /** Forwards the message when the rights allow it; the service protects the forward for its new recipients. */
    public Reply forward(String sessionId, List<String> to) {
        return reading.forward(reading.read(sessionId), to);
    }

    /** As {@link #forward(String, List)}, only with a session started on this message link. */
    public Reply forward(String token, String sessionId, List<String> to) {
        return reading.forward(reading.read(token, sessionId), to);
    }

    private boolean isOutsideRecipient(StoredMessage stored, String address) {
        return stored.policy().isRecipient(address) && !service.tenant().isInside(address);
    }

    StoredMessage stored(String token) {
        return service.stored(token).orElseThrow(() -> new PortalException(PortalException.Reason.UNKNOWN_LINK, NO_SUCH_LINK));
    }

    /** Revoked or expired: nobody gets a passcode for it any more, and the page says why and what to do. */
    private void requireStillReadable(StoredMessage stored) {
        if (service.revocation(stored.messageId()).isPresent()) {
            throw new PortalException(PortalException.Reason.REVOKED, "This message has been revoked by the sender. "
                    + askAgain(stored));
        }
        Instant expires = stored.policy().expires();
        if (expires != null && !now().isBefore(expires)) {
            throw new PortalException(PortalException.Reason.EXPIRED, "This message expired on " + Expiry.describe(expires)
                    + ". " + askAgain(stored));
        }
    }

    /** The next step once a message is gone: only its sender can send it again. */
    static String askAgain(StoredMessage stored) {
        return "If you still need it, ask " + stored.senderName() + " to send it again.";
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

}
