package org.envelopelab.portal.signin;

import io.javalin.http.Context;
import org.envelopelab.portal.IdentityProvider;
import org.envelopelab.portal.guard.CsrfTokens;
import org.envelopelab.portal.guard.Forms;
import org.envelopelab.portal.guard.PortalCookies;
import org.envelopelab.portal.guard.Redirects;
import org.envelopelab.portal.guard.Refusal;
import org.envelopelab.portal.pages.Links;
import org.envelopelab.portal.pages.Look;
import org.envelopelab.portal.pages.Pages;
import org.envelopelab.portal.pages.ProviderLink;
import org.envelopelab.portal.pages.ProviderSignInPage;
import org.envelopelab.service.portal.PortalApi;
import org.envelopelab.service.portal.PortalLanding;
import org.envelopelab.service.portal.SignIn;
import org.envelopelab.service.portal.SignInRefusal;

import java.util.Locale;
import java.util.Optional;

/**
 * Signing in with a consumer account instead of a passcode: the service decides
 * ({@link PortalApi#signInWithProvider}) — whether the address is locked out after too many
 * refused tries, and if not, asks the simulated provider to check the password; then whether that
 * identity may read this message — only an outside recipient, only when the branding allows it.
 */
public final class ProviderSignIn {

    private final PortalApi api;
    private final IdentityProvider identityProvider;
    private final Pages pages;
    private final PortalCookies cookies;
    private final CsrfTokens csrf;
    private final Redirects redirects;

    public ProviderSignIn(PortalApi api, IdentityProvider identityProvider, Pages pages,
                          PortalCookies cookies, CsrfTokens csrf, Redirects redirects) {
        this.api = api;
        this.identityProvider = identityProvider;
        this.pages = pages;
        this.cookies = cookies;
        this.csrf = csrf;
        this.redirects = redirects;
    }

    /** GET /read/{token}/signin?provider=gmail.example: the provider's page, when the branding offers it. */
    public void form(Context ctx) {
        String token = ctx.pathParam("token");
        PortalLanding landing = api.landing(token);
        if (!landing.branding().socialSignInEnabled() || identityProvider.domains().isEmpty()) {
            throw new Refusal(404, "Signing in with an email provider's account is not offered for this message.");
        }
        String visit = cookies.visit(ctx);
        show(ctx, 200, token, served(ctx.queryParam("provider")), null, null, csrf.forVisit(visit));
    }

    /** POST /read/{token}/signin: the provider vouches for the address, the service decides, a session cookie follows. */
    public void signIn(Context ctx) {
        csrf.requireVisitToken(ctx);
        String token = ctx.pathParam("token");
        api.landing(token);
        String email = Forms.required(ctx, "email", PasscodeSignIn.LONGEST_ADDRESS, "Enter your email address.").trim();
        String password = Forms.required(ctx, "password", 1024, "Enter your password.");
        Optional<String> domain = served(email.substring(email.indexOf('@') + 1));
        SignIn signIn = api.signInWithProvider(token, email,
                () -> domain.isPresent() && identityProvider.signIn(email, password));
        if (signIn instanceof SignIn.Accepted accepted) {
            cookies.startSession(ctx, token, accepted.session().id());
            redirects.seeOther(ctx, Links.message(token));
            return;
        }
        SignIn.Refused refused = (SignIn.Refused) signIn;
        boolean locked = refused.reason() == SignInRefusal.LOCKED;
        show(ctx, locked ? 429 : 401, token, served(ctx.formParam("provider")), refused.page(), email,
                locked ? null : csrf.forVisit(PortalCookies.existingVisit(ctx)));
    }

    /** The domain, when the provider serves it. */
    private Optional<String> served(String domain) {
        if (domain == null) {
            return Optional.empty();
        }
        return identityProvider.domains().stream().filter(served -> served.equalsIgnoreCase(domain.trim()))
                .map(served -> served.toLowerCase(Locale.ROOT)).findFirst();
    }

    /** The provider's page; without a form token (locked out), without the form. */
    private void show(Context ctx, int status, String token, Optional<String> domain, String error, String email, String csrfToken) {
        String provider = domain.map(ProviderLink::nameOf).orElse("email");
        pages.show(ctx, status, "signin", new ProviderSignInPage(Look.provider(domain.map(ProviderLink::nameOf).orElse("Email")),
                "Sign in to your " + provider + " account", provider, domain.orElse(null), error, Links.providerSignIn(token),
                csrfToken, email, Links.landing(token)));
    }
}
