package org.envelopelab.routes.delivery;

import org.envelopelab.transport.Envelope;

import org.envelopelab.mailnet.Site;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of a message's journey to one destination site: the recipients to deliver there, and
 * the recipients already known to be undeliverable (for whom the sender will get a report).
 *
 * @param envelope    the message
 * @param destination the site to deliver to; null when nothing is deliverable
 * @param recipients  the recipients to deliver to at {@code destination}
 * @param rejections  recipients that failed, with why
 */
public record Leg(Envelope envelope, Site destination, List<String> recipients, List<Rejection> rejections) {

    public Leg {
        recipients = List.copyOf(recipients);
        rejections = List.copyOf(rejections);
    }

    /** A leg of recipients that all failed before any delivery was tried. */
    public static Leg rejected(Envelope envelope, List<Rejection> rejections) {
        return new Leg(envelope, null, List.of(), rejections);
    }

    public boolean hasRejections() {
        return !rejections.isEmpty();
    }

    /** This leg after delivery was tried: some recipients may have been refused by the server. */
    public Leg withRejections(List<Rejection> refused) {
        List<Rejection> all = new ArrayList<>(rejections);
        all.addAll(refused);
        return new Leg(envelope, destination, recipients, all);
    }

    @Override
    public String toString() {
        return envelope.id() + " -> " + (destination == null ? "nowhere" : destination.domain())
                + " " + recipients + (rejections.isEmpty() ? "" : " rejected " + rejections);
    }
}
