package org.envelopelab.service.portal;

/**
 * Why a passcode, or a consumer provider's word, did not sign someone in. The reason is for the
 * caller and the audit log; the page shows {@link SignIn.Refused#page()}, which says no more than it
 * must — telling "expired" from "wrong" helps a real recipient little and a guesser more.
 */
public enum SignInRefusal {
    /** A wrong passcode; with a provider, a password the provider did not accept. */
    WRONG,
    EXPIRED,
    /** It signed someone in already: a passcode works once. */
    USED,
    /** A newer passcode was requested since, which voids this one. */
    SUPERSEDED,
    /** Five refused tries: no passcode and no password works for this address and message for ten minutes. */
    LOCKED;

    /** What the passcode page says. */
    public String page() {
        return this == LOCKED
                ? "Too many attempts with this address. Wait ten minutes, then request a new passcode."
                : "That passcode did not work. Check it and try again, or request a new passcode.";
    }
}
