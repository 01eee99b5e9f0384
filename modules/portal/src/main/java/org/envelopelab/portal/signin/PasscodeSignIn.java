package org.envelopelab.portal.signin;

import io.javalin.http.Context;
import org.envelopelab.portal.IdentityProvider;
import org.envelopelab.portal.guard.CsrfTokens;
import org.envelopelab.portal.guard.Forms;
import org.envelopelab.portal.guard.PortalCookies;
import org.envelopelab.portal.guard.Redirects;
import org.envelopelab.portal.pages.LandingPage;
import org.envelopelab.portal.pages.Links;
import org.envelopelab.portal.pages.Look;
import org.envelopelab.portal.pages.Pages;
import org.envelopelab.portal.pages.PasscodePage;
import org.envelopelab.portal.pages.ProviderLink;
import org.envelopelab.service.portal.PasscodeAnswer;
import org.envelopelab.service.portal.SignInRefusal;
import org.envelopelab.service.portal.PortalApi;
import org.envelopelab.service.portal.PortalLanding;
import org.envelopelab.service.portal.SignIn;

import java.util.List;

/**
 * The landing page and signing in with a one-time passcode: show who sent the message, ask the
 * service for a passcode, hand the passcode to the service, and turn its session into a cookie.
 * Every decision — who gets a passcode, whether it is right, lockouts — is {@link PortalApi}'s.
 */
public final class PasscodeSignIn {

    static final int LONGEST_ADDRESS = 254;

    private final PortalApi api;
    private final IdentityProvider identityProvider;
    private final Pages pages;
    private final PortalCookies cookies;
    private final CsrfTokens csrf;
    private final Redirects redirects;

    public PasscodeSignIn(PortalApi api, IdentityProvider identityProvider, Pages pages,
                          PortalCookies cookies, CsrfTokens csrf, Redirects redirects) {
        this.api = api;
        this.identityProvider = identityProvider;
        this.pages = pages;
        this.cookies = cookies;
        this.csrf = csrf;
        this.redirects = redirects;
    }

    /** GET /read/{token}: a revoked, expired or unknown link ends here, before any passcode. */
    public void landing(Context ctx) {
        String token = ctx.pathParam("token");
        PortalLanding landing = api.landing(token);
        String visit = cookies.visit(ctx);
        // Every provider is offered: the page must not tell whoever holds the link where the recipients have their mail.
        List<ProviderLink> providers = landing.branding().socialSignInEnabled()
                ? ProviderLink.all(token, identityProvider.domains()) : List.of();
        pages.show(ctx, 200, "landing", new LandingPage(Look.of(landing.branding()), "A protected message from "
                + landing.senderName(), landing.senderName(), landing.branding().otpEnabled(), Links.passcode(token),
                csrf.forVisit(visit), providers));
    }

    /** POST /read/{token}/passcode: the answer reads the same whether or not a passcode was sent. */
    public void requestPasscode(Context ctx) {
        csrf.requireVisitToken(ctx);
        String token = ctx.pathParam("token");
        PortalLanding landing = api.landing(token);
        String email = Forms.required(ctx, "email", LONGEST_ADDRESS, "Enter the email address the message was sent to.");
        PasscodeAnswer answer = api.requestPasscode(token, email, AfterResponse.of(ctx));
        Look look = Look.of(landing.branding());
        if (answer.locked()) {
            pages.show(ctx, 429, "passcode", new PasscodePage(look, "Too many attempts", null, null, answer.page(), false,
                    Links.verify(token), email, null, Links.landing(token)));
            return;
        }
        pages.show(ctx, 200, "passcode", new PasscodePage(look, "Enter your one-time passcode", answer.page(),
                answer.reference(), null, true, Links.verify(token), email, csrf.forVisit(PortalCookies.existingVisit(ctx)),
                Links.landing(token)));
    }

    /** POST /read/{token}/verify: a session cookie and on to the message, or the service's refusal. */
    public void verify(Context ctx) {
        csrf.requireVisitToken(ctx);
        String token = ctx.pathParam("token");
        PortalLanding landing = api.landing(token);
        String email = Forms.required(ctx, "email", LONGEST_ADDRESS, "Enter the email address the message was sent to.");
        String passcode = Forms.required(ctx, "passcode", 64, "Enter the passcode from the mail.");
        SignIn signIn = api.verify(token, email, passcode);
        if (signIn instanceof SignIn.Accepted accepted) {
            cookies.startSession(ctx, token, accepted.session().id());
            redirects.seeOther(ctx, Links.message(token));
            return;
        }
        SignIn.Refused refused = (SignIn.Refused) signIn;
        boolean locked = refused.reason() == SignInRefusal.LOCKED;
        pages.show(ctx, locked ? 429 : 401, "passcode", new PasscodePage(Look.of(landing.branding()),
                locked ? "Too many attempts" : "Enter your one-time passcode", null, null, refused.page(), !locked,
                Links.verify(token), email, csrf.forVisit(PortalCookies.existingVisit(ctx)), Links.landing(token)));
    }
}
