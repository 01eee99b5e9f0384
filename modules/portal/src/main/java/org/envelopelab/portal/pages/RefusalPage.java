package org.envelopelab.portal.pages;

/**
 * A page that says no: a wrong link, a revoked or expired message, an ended session, a right the
 * recipient lacks. It shows the refusal's sentence and nothing of any message.
 *
 * @param back     where to go from here, or null
 * @param backText the words of that link
 */
public record RefusalPage(Look look, String title, String error, String back, String backText) {
}
