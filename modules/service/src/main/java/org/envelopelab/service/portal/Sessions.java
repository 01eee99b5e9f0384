package org.envelopelab.service.portal;

import org.envelopelab.service.protection.Randomness;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The portal's live sessions, found by id with a hash lookup. A session ends after thirty minutes
 * without use; each use starts the thirty minutes again.
 */
final class Sessions {

    static final Duration IDLE = Duration.ofMinutes(30);

    /** A session and what the portal needs to serve it. */
    static final class Live {
        private final PortalSession session;
        private final String token;
        private Instant lastUsed;

        private Live(PortalSession session, String token, Instant lastUsed) {
            this.session = session;
            this.token = token;
            this.lastUsed = lastUsed;
        }

        PortalSession session() {
            return session;
        }

        String token() {
            return token;
        }

        String recipient() {
            return session.recipient();
        }

        String messageId() {
            return session.messageId();
        }
    }

    private final Map<String, Live> live = new ConcurrentHashMap<>();

    PortalSession start(String token, String messageId, String recipient, Randomness randomness, Instant now) {
        PortalSession session = new PortalSession(randomness.token(), messageId, recipient);
        live.put(session.id(), new Live(session, token, now));
        return session;
    }

    /** The session, its idle time reset; a PortalException when it is unknown or has ended. */
    Live use(String id, Instant now) {
        Live session = id == null ? null : live.get(id);
        if (session == null) {
            throw ended();
        }
        synchronized (session) {
            if (!now.isBefore(session.lastUsed.plus(IDLE))) {
                live.remove(id);
                throw ended();
            }
            session.lastUsed = now;
        }
        return session;
    }

    /**
     * The session, when it was started on this message link; a session of another link is no
     * session here, and is refused as an unknown one is — before its idle time is reset.
     */
    Live useOn(String token, String id, Instant now) {
        Live session = id == null ? null : live.get(id);
        if (session == null || !MessageDigest.isEqual(session.token.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            throw ended();
        }
        return use(id, now);
    }

    /** Ends the session when it was started on this message link: the session, or null; another link's session is left alone. */
    Live end(String token, String id) {
        Live session = id == null ? null : live.get(id);
        if (session == null || !MessageDigest.isEqual(session.token.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        return live.remove(id);
    }

    private static PortalException ended() {
        return new PortalException(PortalException.Reason.SESSION_ENDED,
                "Your session has ended. Request a new passcode to read the message again.");
    }
}
