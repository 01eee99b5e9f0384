package org.envelopelab.mailnet;

/**
 * Receives every message an authenticated user submits to a site. The transport plugs in here:
 * sites never deliver submitted mail themselves, so every message — internal ones too — passes
 * the transport. When the handler throws, the client gets a temporary SMTP failure (451) and
 * keeps the message, so nothing is lost.
 */
@FunctionalInterface
public interface SubmissionHandler {

    void accept(Submission submission) throws Exception;
}
