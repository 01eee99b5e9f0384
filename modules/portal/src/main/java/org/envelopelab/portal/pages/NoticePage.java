package org.envelopelab.portal.pages;

/** A done deed — a reply or a forward sent — and the way back to the message. */
public record NoticePage(Look look, String title, String notice, String back) {
}
