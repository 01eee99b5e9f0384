package org.envelopelab.routes.delivery;

import org.envelopelab.transport.Envelope;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.envelopelab.mailnet.MailSessions;
import org.envelopelab.mailnet.Site;
import org.envelopelab.mailnet.TransportLogin;
import org.envelopelab.routes.ledger.Ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Delivers a leg to its destination site over SMTP, as one mail server hands mail to another:
 * signed in with the world's transport login (so the site knows the mail comes from the lab's
 * own servers, and accepts senders of its own domain, which it refuses from anyone else), the
 * original envelope sender, and connections kept open and reused (opening one per
 * message holds throughput to a dozen messages a second). Replies decide what happens next:
 * 2xx — delivered, in the ledger; 5xx — refused for good, returned as rejections for a
 * non-delivery report; no answer or 4xx — {@link TransientDeliveryException}, so the route
 * redelivers. A redelivery only retries recipients the ledger still has as pending.
 */
public final class SmtpRelay implements AutoCloseable {

    private static final int MAX_IDLE_CONNECTIONS_PER_SITE = 8;
    private static final Pattern ENHANCED_STATUS = Pattern.compile("\\b([245]\\.\\d{1,3}\\.\\d{1,3})\\b");

    private final Ledger ledger;
    private final Map<Site, Deque<Transport>> idle = new ConcurrentHashMap<>();
    private final Map<Site, Session> sessions = new ConcurrentHashMap<>();

    public SmtpRelay(Ledger ledger) {
        this.ledger = ledger;
    }

    public Leg deliver(Leg leg) throws TransientDeliveryException {
        Site site = leg.destination();
        if (site == null) {
            return leg;
        }
        List<String> pending = leg.recipients().stream().filter(r -> ledger.isPending(leg.envelope(), r)).toList();
        if (pending.isEmpty()) {
            return leg;
        }
        Transport connection = idle.computeIfAbsent(site, s -> new ConcurrentLinkedDeque<>()).pollFirst();
        if (connection != null) {
            try {
                return send(leg, pending, connection);
            } catch (MessagingException stale) {
                // A kept connection can go stale (the site restarted or timed us out): try a fresh one.
                close(connection);
            }
        }
        try {
            return send(leg, pending, connect(site));
        } catch (MessagingException failed) {
            throw new TransientDeliveryException(site.domain() + " did not take " + leg.envelope().id() + ": "
                    + describe(failed), failed);
        }
    }

    private Leg send(Leg leg, List<String> recipients, Transport connection) throws MessagingException,
            TransientDeliveryException {
        Envelope envelope = leg.envelope();
        RelayedMessage message = new RelayedMessage(session(leg.destination()), envelope.content(), envelope.sender());
        try {
            connection.sendMessage(message, addresses(recipients));
            release(leg.destination(), connection);
            ledger.relayed(leg, envelope.content(), recipients, lastReply(connection));
            return leg;
        } catch (SendFailedException refused) {
            // The server answered, so the connection is still good.
            release(leg.destination(), connection);
            return settle(leg, recipients, refused);
        } catch (MessagingException broken) {
            close(connection);
            throw broken;
        }
    }

    /** Sorts a partial failure into delivered, refused for good, and worth another try. */
    private Leg settle(Leg leg, List<String> tried, SendFailedException failure) throws TransientDeliveryException {
        Map<String, String> replies = replies(failure);
        List<String> delivered = emails(failure.getValidSentAddresses());
        if (!delivered.isEmpty()) {
            ledger.relayed(leg, leg.envelope().content(), delivered, "250 OK");
        }
        List<Rejection> refused = new ArrayList<>();
        for (String recipient : emails(failure.getInvalidAddresses())) {
            String reply = replies.getOrDefault(recipient, failure.getMessage());
            refused.add(new Rejection(recipient, status(reply), reply));
        }
        // Every recipient tried and neither delivered nor refused is unsent, whatever the exception
        // lists: a failure at MAIL FROM or a broken connection lists nobody, and a recipient left out
        // here would stay pending for ever.
        Set<String> accounted = new HashSet<>(delivered);
        refused.forEach(rejection -> accounted.add(rejection.recipient()));
        List<String> unsent = tried.stream().filter(recipient -> !accounted.contains(recipient)).toList();
        if (!unsent.isEmpty()) {
            int code = failure instanceof SMTPSendFailedException smtp ? smtp.getReturnCode() : -1;
            String reply = failure.getMessage() == null ? "" : failure.getMessage().trim();
            if (code < 500) {
                throw new TransientDeliveryException(leg.destination().domain() + " deferred " + unsent + ": " + reply, failure);
            }
            unsent.forEach(recipient -> refused.add(new Rejection(recipient, status(reply), reply)));
        }
        return leg.withRejections(refused);
    }

    private Transport connect(Site site) throws MessagingException {
        Transport transport = session(site).getTransport("smtp");
        TransportLogin login = site.transportLogin();
        transport.connect(site.host(), site.smtpPort(), login.login(), login.password());
        return transport;
    }

    private Session session(Site site) {
        return sessions.computeIfAbsent(site, s -> MailSessions.smtp(s.host(), s.smtpPort(), true));
    }

    private void release(Site site, Transport connection) {
        Deque<Transport> pool = idle.computeIfAbsent(site, s -> new ConcurrentLinkedDeque<>());
        if (pool.size() < MAX_IDLE_CONNECTIONS_PER_SITE) {
            pool.offerFirst(connection);
        } else {
            close(connection);
        }
    }

    @Override
    public void close() {
        idle.values().forEach(pool -> {
            Transport connection;
            while ((connection = pool.pollFirst()) != null) {
                close(connection);
            }
        });
    }

    private static void close(Transport connection) {
        try {
            connection.close();
        } catch (MessagingException ignored) {
            // a broken connection has nothing more to say
        }
    }

    private static Address[] addresses(List<String> recipients) throws MessagingException {
        Address[] addresses = new Address[recipients.size()];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = new InternetAddress(recipients.get(i));
        }
        return addresses;
    }

    private static List<String> emails(Address[] addresses) {
        return addresses == null ? List.of()
                : Arrays.stream(addresses).map(address -> ((InternetAddress) address).getAddress()).toList();
    }

    /** The server's reply per refused address, from the exceptions Angus chains together. */
    private static Map<String, String> replies(SendFailedException failure) {
        Map<String, String> replies = new HashMap<>();
        Exception next = failure.getNextException();
        while (next instanceof MessagingException messaging) {
            if (messaging instanceof SMTPAddressFailedException refusal) {
                replies.put(refusal.getAddress().getAddress(), refusal.getMessage().trim());
            }
            next = messaging.getNextException();
        }
        return replies;
    }

    private static String lastReply(Transport connection) {
        return connection instanceof SMTPTransport smtp && smtp.getLastServerResponse() != null
                ? smtp.getLastServerResponse().trim() : "250 OK";
    }

    static String status(String reply) {
        Matcher matcher = ENHANCED_STATUS.matcher(reply == null ? "" : reply);
        return matcher.find() ? matcher.group(1) : "5.0.0";
    }

    private static String describe(MessagingException failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return reason.trim();
    }
}
