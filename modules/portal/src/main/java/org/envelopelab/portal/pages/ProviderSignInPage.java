package org.envelopelab.portal.pages;

/**
 * The simulated identity provider's sign-in page ("Sign in to your Gmail account"). In the
 * product this page is the provider's own, at the provider; the lab draws it in the portal and
 * says so on the page.
 *
 * @param provider       the provider's name, or "email" when the link named none it serves
 * @param providerDomain the domain the link named, or null
 * @param error          why the last try was refused, or null
 * @param csrf           the form's token, or null while the address is locked out
 * @param email          the address entered before, or null
 */
public record ProviderSignInPage(Look look, String title, String provider, String providerDomain, String error,
                                 String action, String csrf, String email, String landing) {

    /** False while the address is locked out: no form then. */
    public boolean canEnter() {
        return csrf != null;
    }
}
