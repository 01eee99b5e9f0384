package org.envelopelab.routes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * How the transport behaves: the size limit, how long it keeps trying a site that does not
 * answer, how many messages it works on at once, and the clock it stamps reports with.
 *
 * @param maxMessageBytes     larger messages bounce with 5.3.4 (default 25 MB, as Exchange Online)
 * @param redeliveries        how many more times to try a site that did not answer
 * @param firstRedelivery     the wait before the first retry; it doubles each time...
 * @param longestRedelivery   ...up to this
 * @param concurrentConsumers messages handled in parallel
 * @param clock               the lab clock
 */
public record TransportSettings(long maxMessageBytes, int redeliveries, Duration firstRedelivery,
                                Duration longestRedelivery, int concurrentConsumers, Clock clock) {

    public static final long TWENTY_FIVE_MEGABYTES = 25L * 1024 * 1024;

    public static TransportSettings defaults() {
        return new TransportSettings(TWENTY_FIVE_MEGABYTES, 8, Duration.ofMillis(250), Duration.ofSeconds(4), 4,
                Clock.systemUTC());
    }

    public TransportSettings {
        if (maxMessageBytes <= 0 || redeliveries < 0 || concurrentConsumers < 1) {
            throw new IllegalArgumentException("size limit and consumers must be positive, redeliveries not negative");
        }
    }

    public TransportSettings withMaxMessageBytes(long bytes) {
        return new TransportSettings(bytes, redeliveries, firstRedelivery, longestRedelivery, concurrentConsumers, clock);
    }

    public TransportSettings withRedelivery(int times, Duration first, Duration longest) {
        return new TransportSettings(maxMessageBytes, times, first, longest, concurrentConsumers, clock);
    }

    public TransportSettings withClock(Clock newClock) {
        return new TransportSettings(maxMessageBytes, redeliveries, firstRedelivery, longestRedelivery,
                concurrentConsumers, newClock);
    }

    /** A clock stopped at an instant, for runs that must reproduce. */
    public static Clock fixedClock(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
