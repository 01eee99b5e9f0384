package org.envelopelab.routes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.envelopelab.routes.delivery.RetrySchedule;

/**
 * How the transport behaves: the size limit, how long it keeps trying a site that does not
 * answer, how many messages it works on at once, and the clock it stamps reports with.
 *
 * @param maxMessageBytes     larger messages bounce with 5.3.4 (default 25 MB, as Exchange Online)
 * @param retry               when to try a site that did not answer again, on {@code clock}; when
 *                            to send the sender a delay notice; when to give up
 * @param concurrentConsumers messages handled in parallel
 * @param clock               the lab clock
 * @param queueSize           submitted messages waiting for the transport; when it is full a
 *                            submission waits for room (default 10,000)
 */
public record TransportSettings(long maxMessageBytes, RetrySchedule retry, int concurrentConsumers, Clock clock,
                                int queueSize) {

    public static final long TWENTY_FIVE_MEGABYTES = 25L * 1024 * 1024;

    public static TransportSettings defaults() {
        return new TransportSettings(TWENTY_FIVE_MEGABYTES, RetrySchedule.realTime(), 4, Clock.systemUTC(), 10_000);
    }

    public TransportSettings {
        if (maxMessageBytes <= 0 || concurrentConsumers < 1 || queueSize < 1) {
            throw new IllegalArgumentException("size limit, consumers and queue size must be positive");
        }
    }

    public TransportSettings withMaxMessageBytes(long bytes) {
        return new TransportSettings(bytes, retry, concurrentConsumers, clock, queueSize);
    }

    /** Retries from {@code first} doubling to {@code longest}, {@code times} of them; the delay notice as before. */
    public TransportSettings withRedelivery(int times, Duration first, Duration longest) {
        return withRetry(new RetrySchedule(times, first, longest, retry.delayNotice()));
    }

    public TransportSettings withRetry(RetrySchedule schedule) {
        return new TransportSettings(maxMessageBytes, schedule, concurrentConsumers, clock, queueSize);
    }

    public TransportSettings withClock(Clock newClock) {
        return new TransportSettings(maxMessageBytes, retry, concurrentConsumers, newClock, queueSize);
    }

    public TransportSettings withQueueSize(int size) {
        return new TransportSettings(maxMessageBytes, retry, concurrentConsumers, clock, size);
    }

    /** A clock stopped at an instant, for runs that must reproduce. */
    public static Clock fixedClock(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
