package org.envelopelab.service.portal;

import java.util.List;

/**
 * Sends a forward an outside recipient made in the portal, when the rights allow it; the tenant's
 * service protects the new copy for its new recipients with the template the original carried.
 */
@FunctionalInterface
public interface ForwardSender {

    void send(String from, List<String> to, byte[] forwardMime, String template);
}
