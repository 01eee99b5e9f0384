package org.envelopelab.routes;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.envelopelab.routes.delivery.DeliveryPlanner;
import org.envelopelab.routes.delivery.Leg;
import org.envelopelab.transport.MailFlow;
import org.envelopelab.routes.delivery.NonDeliveryReports;
import org.envelopelab.routes.delivery.SmtpRelay;
import org.envelopelab.routes.ledger.DeadLetters;
import org.envelopelab.routes.ledger.Ledger;

/**
 * The lab's wiring, as Camel routes. Read top to bottom it is the life of a message after a
 * site accepted its submission (people's own clients compose, protect and submit it, as any mail
 * client does): the transport applies the organization's mail flow and plans one leg per
 * destination site; each leg is relayed over SMTP; refusals come back to the sender as
 * non-delivery reports; what cannot be delivered even after redelivery lands in the dead-letter
 * store. Error handling is stated once, in {@link TransportErrors}.
 */
final class TransportRoutes extends RouteBuilder {

    static final String SUBMITTED = "seda:submitted";
    /** How long a submission waits for room in a full queue before the sender is told 451 (try again later). */
    static final long OFFER_TIMEOUT_MILLIS = 60_000;
    static final String DELIVER = "direct:deliver";
    static final String BOUNCE = "direct:bounce";
    static final String DEAD_LETTER = "direct:dead-letter";

    private final TransportSettings settings;
    private final MailFlow mailFlow;
    private final DeliveryPlanner planner;
    private final SmtpRelay relay;
    private final NonDeliveryReports reports;
    private final DeadLetters deadLetters;
    private final Ledger ledger;

    TransportRoutes(TransportSettings settings, MailFlow mailFlow, DeliveryPlanner planner, SmtpRelay relay,
                    NonDeliveryReports reports, DeadLetters deadLetters, Ledger ledger) {
        this.ledger = ledger;
        this.settings = settings;
        this.mailFlow = mailFlow;
        this.planner = planner;
        this.relay = relay;
        this.reports = reports;
        this.deadLetters = deadLetters;
    }

    /**
     * Whether the relay came back with refused recipients. A plain predicate: the simple-language
     * {@code ${body.hasRejections()}} it replaces resolved the method by reflection for every leg.
     */
    static boolean refused(Exchange exchange) {
        return exchange.getMessage().getBody(Leg.class).hasRejections();
    }

    /**
     * The queue as submissions reach it: a full queue makes a submission wait for room (the
     * sending client waits on its DATA command) and tells it 451 only after
     * {@link #OFFER_TIMEOUT_MILLIS}. Every endpoint that writes to the queue must say so itself:
     * Camel takes blockWhenFull from the producer's endpoint, and a bare {@code seda:submitted}
     * fails at once with "Queue full". The bounce route's non-delivery reports keep the bare
     * endpoint: a transport thread must not wait on the queue it drains.
     */
    static String submissions(TransportSettings settings) {
        return SUBMITTED + "?size=" + settings.queueSize() + "&blockWhenFull=true&offerTimeout=" + OFFER_TIMEOUT_MILLIS;
    }

    @Override
    public void configure() {
        from(submissions(settings) + "&concurrentConsumers=" + settings.concurrentConsumers() + "&pollTimeout=50")
                .routeId("transport").routeConfigurationId(TransportErrors.ID)
                .routeDescription("every submitted message, internal mail too, between submission and delivery")
                .choice().id("size-limit")
                    .when(method(planner, "tooBig"))
                        .bean(planner, "oversize").id("reject-oversize").description("over the size limit: 5.3.4 for everyone")
                        .to(BOUNCE)
                    .otherwise()
                        .bean(mailFlow, "apply").id("mail-flow")
                        .description("the organization's mail service: flow rules and encryption plug in here")
                        .bean(ledger, "acceptCopies").id("account-for-copies")
                        .description("copies the mail flow added (a journal copy) enter the ledger")
                        .split(method(planner, "legs")).id("plan")
                        .description("one leg per destination site; grown too big or no such domain: rejected")
                            .to(DELIVER)
                        .end()
                .end();

        from(DELIVER).routeId("deliver").routeConfigurationId(TransportErrors.ID)
                .routeDescription("relay one leg to its destination site")
                .bean(relay, "deliver").id("relay")
                .description("SMTP over a reused connection; 5xx: rejected; no answer or 4xx: redelivered")
                .filter(TransportRoutes::refused).id("refused")
                    .to(BOUNCE)
                .end();

        from(BOUNCE).routeId("bounce").routeConfigurationId(TransportErrors.ID)
                .routeDescription("tell the sender what could not be delivered")
                .choice().id("report-or-keep")
                    .when(method(reports, "canReport"))
                        .bean(reports, "report").id("write-report").description("RFC 3464 non-delivery report")
                        .to(SUBMITTED)
                    .otherwise()
                        .to(DEAD_LETTER)
                .end();

        from(DEAD_LETTER).routeId("dead-letter")
                .routeDescription("messages the transport gave up on, kept for an administrator")
                .bean(deadLetters, "keep(${body}, ${exception})").id("keep");
    }
}
