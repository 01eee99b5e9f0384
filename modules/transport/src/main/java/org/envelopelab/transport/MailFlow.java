package org.envelopelab.transport;

import java.util.List;

/**
 * The transport's policy step: what the organization's mail service does to a message between
 * submission and delivery. The message encryption service plugs in here (mail flow rules, rights
 * protection, branding); the lab's plain transport does nothing.
 */
@FunctionalInterface
public interface MailFlow {

    /** Leaves every message as it is: the lab's plain transport, before any service is configured. */
    MailFlow NONE = new NoMailFlowRules();

    /**
     * The copies to deliver. Usually one: the message as it is, or changed with the same id. A
     * service may split the recipients between copies with different content (inside recipients
     * get the protected message, outside ones a wrapper), keeping the id; and it may add copies
     * with new ids and recipients of their own (a journal copy), which the transport then accepts
     * into its ledger as new messages.
     */
    List<Envelope> apply(Envelope envelope) throws Exception;

    /** The organization has no rules: nothing is encrypted or changed. Named so the topology says so. */
    final class NoMailFlowRules implements MailFlow {
        @Override
        public List<Envelope> apply(Envelope envelope) {
            return List.of(envelope);
        }
    }
}
