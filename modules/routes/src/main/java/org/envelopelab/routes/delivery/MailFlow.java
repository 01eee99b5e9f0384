package org.envelopelab.routes.delivery;

/**
 * The transport's policy step: what the organization's mail service does to a message between
 * submission and delivery. The message encryption service plugs in here (mail flow rules, rights
 * protection, branding); the lab's plain transport does nothing.
 */
@FunctionalInterface
public interface MailFlow {

    /** Leaves every message as it is: the lab's plain transport, before any service is configured. */
    MailFlow NONE = new NoMailFlowRules();

    /** Returns the message to deliver: the same one, or a changed copy with the same id. */
    Envelope apply(Envelope envelope) throws Exception;

    /** The organization has no rules: nothing is encrypted or changed. Named so the topology says so. */
    final class NoMailFlowRules implements MailFlow {
        @Override
        public Envelope apply(Envelope envelope) {
            return envelope;
        }
    }
}
