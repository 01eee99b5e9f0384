package org.envelopelab.service.portal;

import java.util.List;

/**
 * A reply (or a forward) written in the portal, on its way out through the organization's service.
 *
 * @param messageId  its Message-ID, so whoever wrote it can follow it
 * @param recipients whom it goes to
 */
public record Reply(String messageId, List<String> recipients) {

    public Reply {
        recipients = List.copyOf(recipients);
    }
}
