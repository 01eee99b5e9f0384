package org.envelopelab.portal.pages;

/**
 * A done deed — a reply or a forward sent, a session ended — and where to go from here.
 *
 * @param back     the next page: the message, or the sign-in page after signing out
 * @param backText the words of that link
 */
public record NoticePage(Look look, String title, String notice, String back, String backText) {
}
