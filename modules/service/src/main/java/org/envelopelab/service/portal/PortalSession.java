package org.envelopelab.service.portal;

/**
 * A signed-in outside recipient reading one message in the portal. It ends after thirty minutes
 * without use.
 *
 * @param id        192 random bits, URL-safe base64: the cookie
 * @param messageId the message it is bound to
 * @param recipient the address that proved itself with a passcode
 */
public record PortalSession(String id, String messageId, String recipient) {

    @Override
    public String toString() {
        return "PortalSession[" + messageId + " for " + recipient + "]";
    }
}
