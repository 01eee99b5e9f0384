package org.envelopelab.routes.delivery;

import java.util.concurrent.atomic.AtomicLong;

/** Hands out the transport's message ids in order — T000001, T000002, ... — so runs reproduce. */
public final class EnvelopeIds {

    private final AtomicLong last = new AtomicLong();

    public String next() {
        return String.format("T%06d", last.incrementAndGet());
    }
}
