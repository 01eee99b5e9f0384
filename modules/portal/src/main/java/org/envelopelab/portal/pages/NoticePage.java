package org.envelopelab.portal.pages;

import java.util.List;

/**
 * A done deed — a reply or a forward sent, a session ended — and where to go from here.
 *
 * @param back           the next page: the message, or the sign-in page after signing out
 * @param backText       the words of that link
 * @param sentId         the Message-ID of the mail it sent, for the writer to follow it; empty for none
 * @param sentRecipients whom it went to, comma-separated; empty for none
 */
public record NoticePage(Look look, String title, String notice, String back, String backText, String sentId,
                         String sentRecipients) {

    public NoticePage(Look look, String title, String notice, String back, String backText) {
        this(look, title, notice, back, backText, "", "");
    }

    /** A notice about mail that went out: its Message-ID and recipients go on the page as data. */
    public static NoticePage sent(Look look, String title, String notice, String back, String backText, String messageId,
                                  List<String> to) {
        return new NoticePage(look, title, notice, back, backText, messageId, String.join(", ", to));
    }
}
