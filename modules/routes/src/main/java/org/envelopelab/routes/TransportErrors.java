package org.envelopelab.routes;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.envelopelab.routes.delivery.Leg;
import org.envelopelab.routes.delivery.Redelivery;
import org.envelopelab.routes.delivery.TransientDeliveryException;

/**
 * The transport's error handling, stated once: a leg whose site does not answer (or answers 4xx)
 * goes to the {@link Redelivery} queue, which tries it again with back-off on the transport's
 * clock (so a scenario's lab clock drives the retries); anything else, and anything still failing when the
 * retries run out, goes to the dead-letter store — never silently dropped. The ledger and the
 * transcript report these, so Camel's own exhaustion logging is off.
 */
final class TransportErrors extends RouteConfigurationBuilder {

    static final String ID = "transport-errors";

    private final Redelivery redelivery;

    TransportErrors(Redelivery redelivery) {
        this.redelivery = redelivery;
    }

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .errorHandler(deadLetterChannel(TransportRoutes.DEAD_LETTER).maximumRedeliveries(0).logExhausted(false))
                .onException(TransientDeliveryException.class)
                    .maximumRedeliveries(0).handled(true).logExhausted(false)
                    .process(exchange -> redelivery.park(exchange.getMessage().getBody(Leg.class),
                            exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)))
                    .id("park-for-retry")
                .end();
    }
}
