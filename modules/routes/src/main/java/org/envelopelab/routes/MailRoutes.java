package org.envelopelab.routes;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.envelopelab.mailnet.MailWorld;
import org.envelopelab.routes.delivery.DeliveryPlanner;
import org.envelopelab.routes.delivery.Envelope;
import org.envelopelab.routes.delivery.EnvelopeIds;
import org.envelopelab.routes.delivery.MailFlow;
import org.envelopelab.routes.delivery.NonDeliveryReports;
import org.envelopelab.routes.delivery.SmtpRelay;
import org.envelopelab.routes.delivery.Submissions;
import org.envelopelab.routes.ledger.DeadLetters;
import org.envelopelab.routes.ledger.Ledger;
import org.envelopelab.routes.senders.Composer;
import org.envelopelab.routes.senders.Draft;
import org.envelopelab.routes.senders.Outbox;
import org.envelopelab.routes.senders.SmimeSending;
import org.envelopelab.smime.client.SmimeClients;

import java.time.Duration;
import java.util.List;

/**
 * The running transport of a mail world: Camel with the lab's routes, attached to every site so
 * that all submitted mail flows through it, plus the ledger and dead-letter store that account
 * for each message. Closing it stops Camel and detaches it from the world.
 */
public final class MailRoutes implements AutoCloseable {

    private final MailWorld world;
    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final Ledger ledger;
    private final DeadLetters deadLetters;
    private final SmtpRelay relay;
    private final Outbox outbox;
    private final TransportSettings settings;
    private Submissions submissions;

    private MailRoutes(MailWorld world, CamelContext camel, Ledger ledger, DeadLetters deadLetters, SmtpRelay relay,
                       Outbox outbox, TransportSettings settings) {
        this.settings = settings;
        this.world = world;
        this.camel = camel;
        this.producer = camel.createProducerTemplate();
        this.ledger = ledger;
        this.deadLetters = deadLetters;
        this.relay = relay;
        this.outbox = outbox;
    }

    /** Starts the routes, with no S/MIME clients, and attaches them to every site of the world. */
    public static MailRoutes start(MailWorld world, TransportSettings settings, MailFlow mailFlow) throws Exception {
        return start(world, settings, mailFlow, new SmimeClients());
    }

    /**
     * Starts the routes and attaches them to every site of the world.
     *
     * @param smimeClients the S/MIME clients of the people who have them; senders use theirs for drafts that ask for S/MIME
     */
    public static MailRoutes start(MailWorld world, TransportSettings settings, MailFlow mailFlow,
                                   SmimeClients smimeClients) throws Exception {
        Ledger ledger = new Ledger(settings.clock());
        DeadLetters deadLetters = new DeadLetters(ledger, settings.clock());
        SmtpRelay relay = new SmtpRelay(ledger);
        Outbox outbox = new Outbox(world);
        CamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("envelope-lab");
        camel.addRoutesConfigurations(new TransportErrors(settings));
        camel.addRoutes(new TransportRoutes(settings, new Composer(world, settings.clock()),
                new SmimeSending(smimeClients), outbox, mailFlow,
                new DeliveryPlanner(world.directory(), settings.maxMessageBytes()), relay,
                new NonDeliveryReports(ledger, settings.clock()), deadLetters, ledger));
        camel.start();
        MailRoutes routes = new MailRoutes(world, camel, ledger, deadLetters, relay, outbox, settings);
        routes.submissions = new Submissions(new EnvelopeIds(), ledger, routes.producer, TransportRoutes.SUBMITTED);
        world.onSubmission(routes.submissions);
        return routes;
    }

    public static MailRoutes start(MailWorld world) throws Exception {
        return start(world, TransportSettings.defaults(), MailFlow.NONE);
    }

    /** A simulated person sends: composes the draft and submits it with their own client. Returns the Message-ID. */
    public String send(Draft draft) {
        return producer.requestBody(TransportRoutes.SEND, draft, String.class);
    }

    /**
     * Mail the organization's service writes itself (a passcode, a portal reply) enters the
     * transport at a site, as if submitted there; returns the transport's id for it.
     */
    public String inject(String origin, String sender, List<String> recipients, byte[] content, Envelope.Kind kind) {
        return submissions.inject(origin, sender, recipients, content, kind);
    }

    public Ledger ledger() {
        return ledger;
    }

    public DeadLetters deadLetters() {
        return deadLetters;
    }

    /** Waits until every accepted message is delivered, bounced or dead-lettered. */
    public boolean awaitSettled(Duration timeout) throws InterruptedException {
        return ledger.awaitSettled(timeout);
    }

    public CamelContext camel() {
        return camel;
    }

    /** The routes as a student should read them: one block per route, one line per step. */
    public String topology() {
        return RouteTopology.describe(camel, "a site that does not answer (or answers 4xx) is tried "
                + settings.redeliveries() + " more times, waiting " + settings.firstRedelivery().toMillis() + " ms doubling to "
                + settings.longestRedelivery().toMillis() + " ms; then, like any other failure, the message goes to dead-letter");
    }

    @Override
    public void close() {
        world.onSubmission(null);
        camel.stop();
        relay.close();
        outbox.close();
    }
}
