package org.envelopelab.portal.signin;

import io.javalin.http.Context;
import org.envelopelab.portal.guard.CsrfTokens;
import org.envelopelab.portal.guard.PortalCookies;
import org.envelopelab.portal.pages.Links;
import org.envelopelab.portal.pages.Look;
import org.envelopelab.portal.pages.NoticePage;
import org.envelopelab.portal.pages.Pages;
import org.envelopelab.service.portal.PortalApi;


/**
 * POST /read/{token}/signout: the service ends the session, the browser forgets the cookie, and
 * the page says so — on a shared computer the next person at the keyboard gets nothing of the
 * message. The form carries the session's CSRF token, so no other site can sign a reader out.
 */
public final class SignOut {

    private final PortalApi api;
    private final Pages pages;
    private final CsrfTokens csrf;

    public SignOut(PortalApi api, Pages pages, CsrfTokens csrf) {
        this.api = api;
        this.pages = pages;
        this.csrf = csrf;
    }

    public void signOut(Context ctx) {
        String session = csrf.requireSessionToken(ctx);
        String token = ctx.pathParam("token");
        api.signOut(token, session);
        PortalCookies.endSession(ctx, token);
        Look look = api.brandingOf(token).map(Look::of).orElseGet(() -> Look.organization(api.organization()));
        pages.show(ctx, 200, "notice", new NoticePage(look, "Signed out", "You have signed out. To read the message again,"
                + " sign in again with a new passcode or your account.", Links.landing(token), "Sign in again"));
    }
}
