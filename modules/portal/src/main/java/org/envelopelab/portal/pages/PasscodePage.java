package org.envelopelab.portal.pages;

/**
 * Where the passcode is entered: after asking for one (the service's answer and the reference
 * code the mail will carry), or again after a refused try.
 *
 * @param notice    the service's answer to the request, or null
 * @param reference the reference code to match against the mail, or null
 * @param error     why the last try was refused, or null
 * @param canEnter  false while the address is locked out: no form then
 * @param email     the address, carried in a hidden field (never in the URL)
 * @param landing   where to ask for a new passcode
 */
public record PasscodePage(Look look, String title, String notice, String reference, String error, boolean canEnter,
                           String verifyAction, String email, String csrf, String landing) {
}
