package org.envelopelab.service.protection;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the service keeps the messages it protected: by token for the portal, by Message-ID for
 * licensing and revocation, and the revocations themselves. Looking a token up is a hash lookup,
 * not a comparison against every stored token, so it leaks nothing about other tokens.
 */
final class ProtectedStore {

    private final Map<String, StoredMessage> byToken = new ConcurrentHashMap<>();
    /** The latest copy per Message-ID: a transport that retries may protect the same message twice. */
    private final Map<String, StoredMessage> byMessageId = new ConcurrentHashMap<>();
    private final Map<String, Revocation> revocations = new ConcurrentHashMap<>();
    /** What the service remembers of every message it sealed, by its policy MAC: a few dozen bytes each. */
    private final Map<ByteBuffer, ProtectedEnvelope.Seal> seals = new ConcurrentHashMap<>();

    void keep(StoredMessage message) {
        byToken.put(message.token(), message);
        byMessageId.put(message.messageId(), message);
    }

    Optional<StoredMessage> byToken(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(byToken.get(token));
    }

    Optional<StoredMessage> byMessageId(String messageId) {
        return Optional.ofNullable(byMessageId.get(messageId));
    }

    void remember(byte[] policyMac, ProtectedEnvelope.Seal seal) {
        seals.put(ByteBuffer.wrap(policyMac.clone()), seal);
    }

    /** What the service remembered when it sealed the message with this policy MAC, if it did. */
    Optional<ProtectedEnvelope.Seal> seal(byte[] policyMac) {
        return Optional.ofNullable(seals.get(ByteBuffer.wrap(policyMac)));
    }

    /** Revocation is by Message-ID, so it covers every copy of the message. The first revocation stands. */
    void revoke(String messageId, Revocation revocation) {
        revocations.putIfAbsent(messageId, revocation);
    }

    Optional<Revocation> revocation(String messageId) {
        return Optional.ofNullable(revocations.get(messageId));
    }
}
