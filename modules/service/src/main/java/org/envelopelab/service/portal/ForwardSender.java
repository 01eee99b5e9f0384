package org.envelopelab.service.portal;

import java.util.List;

/**
 * Sends a forward an outside recipient made in the portal, when the rights allow it. The message
 * carries {@code X-EnvelopeLab-Protect: <template>}; the tenant's service protects the new copy for
 * its new recipients.
 */
@FunctionalInterface
public interface ForwardSender {

    void send(String from, List<String> to, byte[] forwardMime);
}
