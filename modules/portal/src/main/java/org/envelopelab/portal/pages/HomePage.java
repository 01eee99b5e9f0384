package org.envelopelab.portal.pages;

/** What someone who types the portal's own address sees: where messages are read, and how to get to one. */
public record HomePage(Look look, String title) {
}
