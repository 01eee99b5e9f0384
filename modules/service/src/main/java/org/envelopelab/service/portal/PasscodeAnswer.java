package org.envelopelab.service.portal;

/**
 * What the portal page says after someone asks for a passcode. It reads the same whether or not
 * the address is a recipient, and a non-recipient gets a reference code too, so the page does not
 * tell a stranger who the recipients are.
 *
 * @param reference the four letters the passcode mail will carry (a decoy when none is sent); empty when locked
 * @param page      the sentence to show
 * @param locked    whether the address is locked out for this message
 */
public record PasscodeAnswer(String reference, String page, boolean locked) {
}
