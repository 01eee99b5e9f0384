package org.envelopelab.routes;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.envelopelab.routes.delivery.TransientDeliveryException;

/**
 * The transport's error handling, stated once: a site that does not answer (or answers 4xx) is
 * tried again with exponential back-off; anything else, and anything still failing when the
 * retries run out, goes to the dead-letter store — never silently dropped. The ledger and the
 * transcript report these, so Camel's own exhaustion logging is off.
 */
final class TransportErrors extends RouteConfigurationBuilder {

    static final String ID = "transport-errors";

    private final TransportSettings settings;

    TransportErrors(TransportSettings settings) {
        this.settings = settings;
    }

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .errorHandler(deadLetterChannel(TransportRoutes.DEAD_LETTER).maximumRedeliveries(0).logExhausted(false))
                .onException(TransientDeliveryException.class)
                    .maximumRedeliveries(settings.redeliveries())
                    .redeliveryDelay(settings.firstRedelivery().toMillis())
                    .useExponentialBackOff().backOffMultiplier(2)
                    .maximumRedeliveryDelay(settings.longestRedelivery().toMillis())
                    .asyncDelayedRedelivery()
                    .retryAttemptedLogLevel(LoggingLevel.DEBUG)
                    .logExhausted(false);
    }
}
