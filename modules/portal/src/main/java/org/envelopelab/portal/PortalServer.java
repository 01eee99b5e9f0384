package org.envelopelab.portal;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.envelopelab.portal.guard.CleanPaths;
import org.envelopelab.portal.guard.CsrfTokens;
import org.envelopelab.portal.guard.PortalCookies;
import org.envelopelab.portal.guard.Redirects;
import org.envelopelab.portal.guard.Refusal;
import org.envelopelab.portal.guard.SecurityHeaders;
import org.envelopelab.portal.pages.HomePage;
import org.envelopelab.portal.pages.Links;
import org.envelopelab.portal.pages.Look;
import org.envelopelab.portal.pages.Pages;
import org.envelopelab.portal.reading.AttachmentDownload;
import org.envelopelab.portal.reading.MessagePages;
import org.envelopelab.portal.signin.AfterResponse;
import org.envelopelab.portal.signin.PasscodeSignIn;
import org.envelopelab.portal.signin.ProviderSignIn;
import org.envelopelab.portal.signin.SignOut;
import org.envelopelab.service.portal.PortalApi;
import org.envelopelab.service.portal.PortalException;
import org.envelopelab.service.protection.RightsException;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;

/**
 * The recipients' web portal: the pages an outside recipient sees after clicking "Read the
 * message" in a wrapper, served on 127.0.0.1 below {@code /portal}. A thin web adapter over
 * {@link PortalApi}, which decides everything; this adds HTML, cookies, CSRF tokens and the
 * security headers.
 *
 * <p>The lab wires it in one pass: it {@linkplain PortalAddress#reserve reserves the address}
 * first (the service writes it into the wrapper links), builds the service and the transport, and
 * then starts the portal on that address with the service's API. There is no request log: Javalin
 * and Jetty keep none unless asked, and a request line carries the message token.
 */
public final class PortalServer implements AutoCloseable {

    private final Javalin app;
    private final URI uri;
    private final PortalApi api;

    private PortalServer(PortalAddress address, Clock clock, SecureRandom random, PortalApi api,
                         IdentityProvider identityProvider) {
        this.uri = address.uri();
        this.api = api;
        Pages pages = new Pages();
        PortalCookies cookies = new PortalCookies(random);
        CsrfTokens csrf = new CsrfTokens(random, clock);
        Redirects redirects = new Redirects(this::uri);
        PasscodeSignIn passcodes = new PasscodeSignIn(api, identityProvider, pages, cookies, csrf, redirects);
        ProviderSignIn provider = new ProviderSignIn(api, identityProvider, pages, cookies, csrf, redirects);
        MessagePages reading = new MessagePages(api, pages, csrf);
        SignOut signOut = new SignOut(api, pages, csrf);
        AttachmentDownload files = new AttachmentDownload(api);
        Refusals refusals = new Refusals(pages, api);
        Handler home = ctx -> pages.show(ctx, 200, "home", new HomePage(organizationLook(), api.organization()
                + " secure messages"));
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                try {
                    connector.open(address.channel()); // the socket bound when the address was reserved
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("the portal cannot use its address " + address.uri(), e);
                }
                // Told when each response is complete: the passcode mail leaves then, after the answer.
                connector.addBean(new AfterResponse());
                return connector;
            });
            config.router.contextPath = Links.ROOT;
            config.http.maxRequestSize = 256 * 1024;
            // Jetty's own answers — paths outside the portal, requests it cannot parse — get the headers and a portal page.
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyRefusals(pages, this::organizationLook)));
            config.jetty.modifyServletContextHandler(context -> {
                context.setErrorHandler(new JettyRefusals(pages, this::organizationLook));
                // "/portal" reaches the home page instead of Jetty's redirect to "/portal/", which it builds from the Host header.
                context.setAllowNullPathInfo(true);
            });
            // Every GET route also answers HEAD, with the status GET would give: Javalin's own HEAD answers 200 to any path a GET route matches.
            config.router.mount(router -> router
                    .before(ctx -> SecurityHeaders.apply(ctx::header))
                    .before(CleanPaths::require)
                    .get("", home).head("", home) // "" is /portal and /portal/ alike
                    .get("/read/{token}", passcodes::landing).head("/read/{token}", passcodes::landing)
                    .post("/read/{token}/passcode", passcodes::requestPasscode)
                    .post("/read/{token}/verify", passcodes::verify)
                    .get("/read/{token}/signin", provider::form).head("/read/{token}/signin", provider::form)
                    .post("/read/{token}/signin", provider::signIn)
                    .get("/read/{token}/message", reading::message).head("/read/{token}/message", reading::message)
                    .get("/read/{token}/attachments/{index}", files::download)
                    .head("/read/{token}/attachments/{index}", files::download)
                    .post("/read/{token}/reply", reading::reply)
                    .post("/read/{token}/forward", reading::forward)
                    .post("/read/{token}/signout", signOut::signOut)
                    .exception(PortalException.class, refusals::portal)
                    .exception(RightsException.class, refusals::rights)
                    .exception(Refusal.class, refusals::refusal)
                    .exception(HttpResponseException.class, refusals::http)
                    .exception(Exception.class, refusals::unexpected));
        }).start();
    }

    /**
     * Starts the portal on a reserved address, over the service's API.
     *
     * @param address          where to listen, reserved before the service was built
     * @param clock            the lab clock, for how old a form's token is
     * @param random           the operating system's randomness: visitor ids and the CSRF key
     * @param api              the service's portal API, which decides everything
     * @param identityProvider the simulated Google, Yahoo and Microsoft accounts
     */
    public static PortalServer start(PortalAddress address, Clock clock, SecureRandom random, PortalApi api,
                                     IdentityProvider identityProvider) {
        return new PortalServer(Objects.requireNonNull(address), Objects.requireNonNull(clock),
                Objects.requireNonNull(random), Objects.requireNonNull(api), Objects.requireNonNull(identityProvider));
    }

    /** Where the portal answers, such as {@code http://127.0.0.1:41234/portal}: the base of the wrapper links. */
    public URI uri() {
        return uri;
    }

    @Override
    public void close() {
        app.stop();
    }

    /** The organization's name in the default look. */
    private Look organizationLook() {
        return Look.organization(api.organization());
    }
}
