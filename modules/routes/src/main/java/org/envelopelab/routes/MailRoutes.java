package org.envelopelab.routes;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.envelopelab.mailnet.MailWorld;
import org.envelopelab.routes.delivery.DeliveryPlanner;
import org.envelopelab.transport.Envelope;
import org.envelopelab.transport.MailInjection;
import org.envelopelab.routes.delivery.EnvelopeIds;
import org.envelopelab.transport.MailFlow;
import org.envelopelab.routes.delivery.NonDeliveryReports;
import org.envelopelab.routes.delivery.SmtpRelay;
import org.envelopelab.routes.delivery.Submissions;
import org.envelopelab.routes.ledger.DeadLetters;
import org.envelopelab.routes.ledger.Ledger;

import java.time.Duration;
import java.util.List;

/**
 * The running transport of a mail world: Camel with the lab's routes, attached to every site so
 * that all submitted mail flows through it, plus the ledger and dead-letter store that account
 * for each message. Closing it stops Camel and detaches it from the world.
 */
public final class MailRoutes implements MailInjection, AutoCloseable {

    private final MailWorld world;
    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final Ledger ledger;
    private final DeadLetters deadLetters;
    private final SmtpRelay relay;
    private final TransportSettings settings;
    private Submissions submissions;

    private MailRoutes(MailWorld world, CamelContext camel, Ledger ledger, DeadLetters deadLetters, SmtpRelay relay,
                       TransportSettings settings) {
        this.settings = settings;
        this.world = world;
        this.camel = camel;
        this.producer = camel.createProducerTemplate();
        this.ledger = ledger;
        this.deadLetters = deadLetters;
        this.relay = relay;
    }

    /** Starts the routes and attaches them to every site of the world: from now on, all submitted mail flows through them. */
    public static MailRoutes start(MailWorld world, TransportSettings settings, MailFlow mailFlow) throws Exception {
        Ledger ledger = new Ledger(settings.clock());
        DeadLetters deadLetters = new DeadLetters(ledger, settings.clock());
        SmtpRelay relay = new SmtpRelay(ledger);
        CamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("envelope-lab");
        camel.addRoutesConfigurations(new TransportErrors(settings));
        camel.addRoutes(new TransportRoutes(settings, mailFlow,
                new DeliveryPlanner(world.directory(), settings.maxMessageBytes()), relay,
                new NonDeliveryReports(ledger, settings.clock()), deadLetters, ledger));
        camel.start();
        MailRoutes routes = new MailRoutes(world, camel, ledger, deadLetters, relay, settings);
        routes.submissions = new Submissions(new EnvelopeIds(), ledger, routes.producer, TransportRoutes.SUBMITTED);
        world.onSubmission(routes.submissions);
        return routes;
    }

    public static MailRoutes start(MailWorld world) throws Exception {
        return start(world, TransportSettings.defaults(), MailFlow.NONE);
    }

    /**
     * Mail the organization's service writes itself (a passcode, a portal reply) enters the
     * transport at a site, as if submitted there; returns the transport's id for it.
     */
    @Override
    public String inject(String origin, String sender, List<String> recipients, byte[] content, Envelope.Kind kind,
                         String protectWith) {
        return submissions.inject(origin, sender, recipients, content, kind, protectWith);
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
    }
}
