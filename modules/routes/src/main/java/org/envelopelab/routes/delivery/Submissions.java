package org.envelopelab.routes.delivery;

import org.envelopelab.transport.Envelope;

import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.envelopelab.mailnet.Submission;
import org.envelopelab.mailnet.SubmissionHandler;
import org.envelopelab.routes.ledger.Ledger;

import java.util.List;

/**
 * Where the mail world hands the transport what users submit: each submission becomes an
 * {@link Envelope}, enters the ledger, and is queued for the transport route. Only when it is
 * queued does the user's SMTP session get its 250; if queuing fails, the ledger forgets the
 * message and the client, told 451, still has it.
 */
public final class Submissions implements SubmissionHandler {

    private final EnvelopeIds ids;
    private final Ledger ledger;
    private final ProducerTemplate producer;
    private final String queue;
    private volatile Endpoint endpoint;

    public Submissions(EnvelopeIds ids, Ledger ledger, ProducerTemplate producer, String queue) {
        this.ids = ids;
        this.ledger = ledger;
        this.producer = producer;
        this.queue = queue;
    }

    @Override
    public void accept(Submission submission) {
        queue(new Envelope(ids.next(), submission.site().domain(), submission.sender(),
                submission.recipients(), submission.content(), Envelope.Kind.MESSAGE));
    }

    /**
     * Mail the organization's service writes itself — a passcode, or a reply a recipient wrote in
     * its portal — enters the transport at the service's site, without an SMTP submission.
     */
    public String inject(String origin, String sender, List<String> recipients, byte[] content, Envelope.Kind kind,
                         String protectWith) {
        Envelope envelope = new Envelope(ids.next(), origin, sender, recipients, content, null, kind, protectWith);
        queue(envelope);
        return envelope.id();
    }

    /** The queue's endpoint, looked up once: by its URI, Camel would parse and normalize the URI for every message. */
    private Endpoint endpoint() {
        Endpoint resolved = endpoint;
        if (resolved == null) {
            resolved = producer.getCamelContext().getEndpoint(queue);
            endpoint = resolved;
        }
        return resolved;
    }

    private void queue(Envelope envelope) {
        ledger.accepted(envelope);
        try {
            producer.sendBody(endpoint(), envelope);
        } catch (RuntimeException e) {
            ledger.withdraw(envelope);
            throw e;
        }
    }
}
