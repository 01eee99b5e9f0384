package org.envelopelab.mailnet;

import java.util.List;

/**
 * A message an authenticated user handed to their own site for sending: the SMTP envelope and
 * the message bytes exactly as submitted (RFC 5322, CRLF line ends).
 *
 * @param site       the site that accepted the submission
 * @param sender     the envelope sender (MAIL FROM), always the authenticated account
 * @param recipients the envelope recipients (RCPT TO), Bcc included
 * @param content    the message as received, with the site's Received trace header on top
 */
public record Submission(Site site, String sender, List<String> recipients, byte[] content) {

    public Submission {
        recipients = List.copyOf(recipients);
    }
}
