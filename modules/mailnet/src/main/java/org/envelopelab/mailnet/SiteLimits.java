package org.envelopelab.mailnet;

/**
 * What every site of a world accepts in one SMTP transaction, as a provider publishes it.
 *
 * @param maxMessageBytes the largest message; advertised in EHLO as {@code SIZE} (RFC 1870), and a
 *                        client that announces a larger one is refused at {@code MAIL FROM} with
 *                        {@code 552 5.3.4} before it sends a byte of it (25 MB, as Exchange Online)
 * @param maxRecipients   the most recipients of one message; the next {@code RCPT TO} is refused
 *                        with {@code 550 5.5.3}, and so is the message (500 by default, Exchange
 *                        Online's default, which an administrator may raise to 1,000)
 */
public record SiteLimits(long maxMessageBytes, int maxRecipients) {

    public static final long TWENTY_FIVE_MEGABYTES = 25L * 1024 * 1024;
    public static final int EXCHANGE_ONLINE_RECIPIENTS = 500;

    public SiteLimits {
        if (maxMessageBytes <= 0 || maxRecipients <= 0) {
            throw new IllegalArgumentException("a site's limits must be positive");
        }
    }

    public static SiteLimits defaults() {
        return new SiteLimits(TWENTY_FIVE_MEGABYTES, EXCHANGE_ONLINE_RECIPIENTS);
    }

    public SiteLimits withMaxRecipients(int recipients) {
        return new SiteLimits(maxMessageBytes, recipients);
    }
}
