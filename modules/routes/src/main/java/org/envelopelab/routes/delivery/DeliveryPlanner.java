package org.envelopelab.routes.delivery;

import org.envelopelab.mailnet.Directory;
import org.envelopelab.mailnet.Site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans where a message goes: a message over the size limit goes nowhere (every recipient gets
 * 5.3.4); otherwise recipients are grouped by the site the directory names for their domain, one
 * leg per site, and recipients at domains nobody serves are rejected with 5.1.2.
 */
public final class DeliveryPlanner {

    private final Directory directory;
    private final long maxMessageBytes;

    public DeliveryPlanner(Directory directory, long maxMessageBytes) {
        this.directory = directory;
        this.maxMessageBytes = maxMessageBytes;
    }

    public List<Leg> legs(Envelope envelope) {
        if (envelope.size() > maxMessageBytes) {
            String why = "552 5.3.4 message size " + envelope.size() + " bytes exceeds the limit of "
                    + maxMessageBytes + " bytes";
            return List.of(Leg.rejected(envelope, envelope.recipients().stream()
                    .map(recipient -> new Rejection(recipient, "5.3.4", why)).toList()));
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
