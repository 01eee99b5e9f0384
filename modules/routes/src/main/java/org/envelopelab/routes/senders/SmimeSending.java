package org.envelopelab.routes.senders;

import org.envelopelab.smime.SmimeException;
import org.envelopelab.smime.client.SmimeClient;
import org.envelopelab.smime.client.SmimeClients;

/**
 * The S/MIME step of a sender's client: sign and/or encrypt the composed message with the
 * sender's own key and the recipients' certificates, before anything leaves the client.
 */
public final class SmimeSending {

    private final SmimeClients clients;

    public SmimeSending(SmimeClients clients) {
        this.clients = clients;
    }

    public Outgoing protect(Outgoing outgoing) throws SmimeException {
        SmimeClient client = clients.of(outgoing.draft().from())
                .orElseThrow(() -> new SmimeException(outgoing.draft().from() + " has no S/MIME-capable client"));
        return outgoing.with(client.protect(outgoing.message(), outgoing.draft().protection()));
    }
}
