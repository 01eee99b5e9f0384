package org.envelopelab.service.protection;

import java.time.Instant;

/**
 * The result of protecting one message.
 *
 * @param protectedMime the message for recipients inside the tenant: outer headers in the clear and
 *                      the CMS as a protected-message.p7m attachment
 * @param token         the unguessable key of the service's stored copy, for outside recipients'
 *                      wrapper link ({@code <portal>/read/<token>}); never shown to inside recipients
 * @param messageId     the RFC 5322 Message-ID the policy names (the original's, or one the service made)
 * @param issued        when the service protected it, by its clock (whole seconds): the date of an undated message
 * @param expires       when outside recipients lose access, or null for never
 */
public record Protected(byte[] protectedMime, String token, String messageId, Instant issued, Instant expires) {
}
