package org.envelopelab.mailnet;

import jakarta.mail.Session;

import java.time.Duration;
import java.util.Properties;

/**
 * Jakarta Mail sessions for talking to a site the way every lab client should: TCP_NODELAY,
 * bounded connect and read timeouts, and partial sends (deliver to the good recipients and
 * report the bad ones) for SMTP.
 */
public final class MailSessions {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private MailSessions() {
    }

    /** A session for SMTP to host:port; {@code authenticate} turns on SMTP AUTH. */
    public static Session smtp(String host, int port, boolean authenticate) {
        Properties properties = common("smtp", host, port);
        properties.put("mail.smtp.auth", Boolean.toString(authenticate));
        properties.put("mail.smtp.sendpartial", "true");
        properties.put("mail.smtp.localhost", "lab.envelope.test");
        return Session.getInstance(properties);
    }

    /** A session for IMAP to host:port. */
    public static Session imap(String host, int port) {
        return Session.getInstance(common("imap", host, port));
    }

    private static Properties common(String protocol, String host, int port) {
        Properties properties = new Properties();
        String prefix = "mail." + protocol;
        properties.put(prefix + ".host", host);
        properties.put(prefix + ".port", Integer.toString(port));
        properties.put(prefix + ".connectiontimeout", Long.toString(CONNECT_TIMEOUT.toMillis()));
        properties.put(prefix + ".timeout", Long.toString(READ_TIMEOUT.toMillis()));
        properties.put(prefix + ".socketFactory", NoDelaySocketFactory.INSTANCE);
        properties.put(prefix + ".socketFactory.fallback", "false");
        return properties;
    }
}
