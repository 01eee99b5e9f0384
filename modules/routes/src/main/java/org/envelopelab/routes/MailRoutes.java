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
import org.envelopelab.routes.delivery.Redelivery;
import org.envelopelab.routes.delivery.RetrySchedule;
import org.envelopelab.routes.delivery.SmtpRelay;
import org.envelopelab.routes.delivery.Submissions;
import org.envelopelab.routes.ledger.DeadLetters;
import org.envelopelab.routes.ledger.Ledger;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

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
    private final Redelivery redelivery;
    private final ScheduledExecutorService retryTicker;
    private Submissions submissions;

    private MailRoutes(MailWorld world, CamelContext camel, Ledger ledger, DeadLetters deadLetters, SmtpRelay relay,
                       TransportSettings settings, Redelivery redelivery, ScheduledExecutorService retryTicker) {
        this.redelivery = redelivery;
        this.retryTicker = retryTicker;
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
        NonDeliveryReports reports = new NonDeliveryReports(ledger, settings.clock());
        AtomicReference<ProducerTemplate> producer = new AtomicReference<>();
        String submitted = TransportRoutes.submissions(settings);
        Redelivery redelivery = new Redelivery(settings.retry(), settings.clock(), ledger, reports, deadLetters,
                leg -> producer.get().asyncSendBody(TransportRoutes.DELIVER, leg),
                envelope -> producer.get().sendBody(submitted, envelope));
        camel.addRoutesConfigurations(new TransportErrors(redelivery));
        camel.addRoutes(new TransportRoutes(settings, mailFlow,
                new DeliveryPlanner(world.directory(), settings.maxMessageBytes()), relay, reports, deadLetters, ledger));
        camel.start();
        producer.set(camel.createProducerTemplate());
        // Whoever moves the clock moves the retries: with a clock that follows real time this
        // releases them as they fall due; a scenario's runner advances its lab clock and releases them itself.
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "transport-retries");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(() -> {
            try {
                redelivery.releaseDue();
            } catch (RuntimeException e) {
                // A failure here must not stop the ticker (a scheduled task that throws never runs again).
                System.getLogger(MailRoutes.class.getName()).log(System.Logger.Level.WARNING, "releasing retries", e);
            }
        }, 25, 25, TimeUnit.MILLISECONDS);
        MailRoutes routes = new MailRoutes(world, camel, ledger, deadLetters, relay, settings, redelivery, ticker);
        routes.submissions = new Submissions(new EnvelopeIds(), ledger, routes.producer, submitted);
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

    /**
     * Waits until nothing is on its way: every copy is settled or waiting in the retry queue for
     * its next try; false when the timeout passed first.
     */
    public boolean awaitQuiet(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ledger.pendingCount() > redelivery.waitingRecipients()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** The retry queue: legs waiting for their next try, on the transport's clock. */
    public Redelivery redelivery() {
        return redelivery;
    }

    public CamelContext camel() {
        return camel;
    }

    /** The routes as a student should read them: one block per route, one line per step. */
    public String topology() {
        RetrySchedule retry = settings.retry();
        return RouteTopology.describe(camel, "a site that does not answer (or answers 4xx) is tried "
                + retry.retries() + " more times, waiting " + retry.first().toMillis() + " ms doubling to "
                + retry.longest().toMillis() + " ms on the transport's clock, with a delay notice to the sender after "
                + retry.delayNotice().toMillis() + " ms; then the sender gets a failure report and the message goes to"
                + " dead-letter. Any other failure goes to dead-letter at once");
    }

    @Override
    public void close() {
        retryTicker.shutdownNow();
        world.onSubmission(null);
        camel.stop();
        relay.close();
    }
}
