package org.envelopelab.routes.senders;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.envelopelab.mailnet.MailClient;
import org.envelopelab.mailnet.MailWorld;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated people's mail clients, one per sender, kept open between messages: each submits
 * over SMTP with AUTH to the sender's own site and files a copy in Sent, as Thunderbird does.
 */
public final class Outbox implements AutoCloseable {

    private final MailWorld world;
    private final Map<String, MailClient> clients = new ConcurrentHashMap<>();

    public Outbox(MailWorld world) {
        this.world = world;
    }

    /** Submits the message as the draft's sender and files it in Sent; returns its Message-ID. */
    public String submit(Outgoing outgoing) throws MessagingException {
        MimeMessage message = outgoing.message();
        String from = outgoing.draft().from();
        MailClient client = clients.computeIfAbsent(from.toLowerCase(java.util.Locale.ROOT), world::client);
        synchronized (client) {
            client.submit(message);
            client.saveToSent(message);
        }
        return message.getMessageID();
    }

    @Override
    public void close() {
        clients.values().forEach(MailClient::close);
        clients.clear();
    }
}
