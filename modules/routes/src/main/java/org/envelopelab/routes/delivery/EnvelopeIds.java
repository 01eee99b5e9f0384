package org.envelopelab.routes.delivery;

import java.util.concurrent.atomic.AtomicLong;

/** Hands out the transport's message ids in order — T000001, T000002, ... — so runs reproduce. */
public final class EnvelopeIds {

    private final AtomicLong last = new AtomicLong();

    public String next() {
        // As "T%06d" would write it; String.format was a measurable part of taking in a submission.
        String digits = Long.toString(last.incrementAndGet());
        return digits.length() >= 6 ? "T" + digits : "T" + "000000".substring(digits.length()) + digits;
    }
}
