package org.envelopelab.transport;

import java.util.List;

/**
 * How mail that an organization's service writes itself (one-time passcodes, replies and
 * forwards made in its portal) enters the transport at the organization's site, as if it had
 * been submitted there. The transport implements it; the service uses it.
 */
@FunctionalInterface
public interface MailInjection {

    /**
     * @param origin      the domain of the site where it enters
     * @param sender      the envelope sender
     * @param recipients  the envelope recipients
     * @param content     the RFC 5322 bytes
     * @param kind        a message to follow like people's mail, or a notice
     * @param protectWith the rights template the service is to apply in its mail-flow step, or null
     * @return the transport's id for it
     */
    String inject(String origin, String sender, List<String> recipients, byte[] content, Envelope.Kind kind,
                  String protectWith);
}
