package org.envelopelab.service.portal;

import java.util.List;

/**
 * Sends a reply an outside recipient wrote in the portal. It leaves through the tenant's service,
 * which protects it like any other message.
 */
@FunctionalInterface
public interface ReplySender {

    /**
     * @param from      the outside recipient who replies
     * @param to        the sender, and for reply-all everyone else on the original
     * @param subject   "RE: " and the original subject
     * @param text      what they wrote
     * @param inReplyTo the original's Message-ID, for threading
     * @param template  the rights template of the original, which the reply carries too
     * @return the reply's Message-ID
     */
    String send(String from, List<String> to, String subject, String text, String inReplyTo, String template);
}
