package org.envelopelab.routes.delivery;

import org.envelopelab.transport.Envelope;

import org.envelopelab.mailnet.Directory;
import org.envelopelab.mailnet.Site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans where a message goes: a message over the size limit goes nowhere (every recipient gets
 * 5.3.4) — the transport checks that before the mail flow too, so a wrapper cannot carry an
 * over-size message past it; otherwise recipients are grouped by the site the directory names for their domain, one
 * leg per site, and recipients at domains nobody serves are rejected with 5.1.2.
 */
public final class DeliveryPlanner {

    private final Directory directory;
    private final long maxMessageBytes;

    public DeliveryPlanner(Directory directory, long maxMessageBytes) {
        this.directory = directory;
        this.maxMessageBytes = maxMessageBytes;
    }

    /** The legs of every copy a mail flow produced. */
    public List<Leg> legs(List<Envelope> copies) {
        List<Leg> legs = new ArrayList<>();
        copies.forEach(copy -> legs.addAll(legs(copy)));
        return legs;
    }

    /** Whether a message is over the size limit (checked as submitted, and again after the mail flow changed it). */
    public boolean tooBig(Envelope envelope) {
        return envelope.size() > maxMessageBytes;
    }

    /** A message over the limit goes nowhere: every recipient is rejected with 5.3.4. */
    public Leg oversize(Envelope envelope) {
        String why = "552 5.3.4 message size " + envelope.size() + " bytes exceeds the limit of " + maxMessageBytes + " bytes";
        return Leg.rejected(envelope, envelope.recipients().stream().map(recipient -> new Rejection(recipient, "5.3.4", why)).toList());
    }

    public List<Leg> legs(Envelope envelope) {
        if (tooBig(envelope)) {
            return List.of(oversize(envelope));
        }
        Map<Site, List<String>> bySite = new LinkedHashMap<>();
        List<Rejection> unroutable = new ArrayList<>();
        for (String recipient : envelope.recipients()) {
            directory.siteFor(recipient).ifPresentOrElse(
                    site -> bySite.computeIfAbsent(site, s -> new ArrayList<>()).add(recipient),
                    () -> unroutable.add(new Rejection(recipient, "5.1.2",
                            "550 5.1.2 no mail server found for the domain of <" + recipient + ">")));
        }
        List<Leg> legs = new ArrayList<>();
        bySite.forEach((site, recipients) -> legs.add(new Leg(envelope, site, recipients, List.of())));
        if (!unroutable.isEmpty()) {
            legs.add(Leg.rejected(envelope, unroutable));
        }
        return legs;
    }
}
