package org.envelopelab.portal;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.envelopelab.portal.guard.PortalCookies;
import org.envelopelab.portal.guard.Refusal;
import org.envelopelab.portal.pages.Links;
import org.envelopelab.portal.pages.Look;
import org.envelopelab.portal.pages.Pages;
import org.envelopelab.portal.pages.RefusalPage;
import org.envelopelab.service.portal.PortalApi;
import org.envelopelab.service.portal.PortalException;
import org.envelopelab.service.protection.RightsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Turns every refusal into a page with the right status: the service's ({@link PortalException},
 * {@link RightsException}) and the web layer's own ({@link Refusal}). As in the real portal, a
 * refusal page still wears the organization's look — the message's branding when the link leads
 * to one, even a revoked or expired one; else the organization's name — and says what to do
 * next, in its sentence or as a link. It carries nothing of any message: a wrong link and a
 * forged cookie show no more than their sentence.
 */
final class Refusals {

    private static final Logger LOG = LoggerFactory.getLogger(Refusals.class);

    private final Pages pages;
    private final PortalApi api;

    Refusals(Pages pages, PortalApi api) {
        this.pages = pages;
        this.api = api;
    }

    void portal(PortalException refused, Context ctx) {
        String token = ctx.pathParamMap().get("token");
        switch (refused.reason()) {
            case SESSION_ENDED -> show(ctx, 401, refused.getMessage(), token == null ? null : Links.landing(token), "Sign in again");
            case NOT_AUTHORIZED, PASSCODES_OFF, SOCIAL_SIGN_IN_OFF -> show(ctx, 403, refused.getMessage(),
                    token == null ? null : Links.landing(token), "Back to the sign-in page");
            case NO_SUCH_ATTACHMENT -> show(ctx, 404, refused.getMessage(), token == null ? null : Links.message(token),
                    "Back to the message");
            // The sentence says what to do: check the link, or ask the sender to send it again.
            case UNKNOWN_LINK -> show(ctx, 404, refused.getMessage(), null, null);
            case REVOKED, EXPIRED -> show(ctx, 410, refused.getMessage(), null, null);
        }
    }

    void rights(RightsException refused, Context ctx) {
        String token = ctx.pathParamMap().get("token");
        show(ctx, 403, refused.getMessage() + ".", token == null ? null : Links.message(token), "Back to the message");
    }

    /** The web layer's: back to where the visitor came from — the message when they are signed in, else the sign-in page. */
    void refusal(Refusal refused, Context ctx) {
        String token = ctx.pathParamMap().get("token");
        if (token == null || refused.status() == 503) {
            show(ctx, refused.status(), refused.getMessage(), null, null);
        } else if (PortalCookies.session(ctx) != null) {
            show(ctx, refused.status(), refused.getMessage(), Links.message(token), "Back to the message");
        } else {
            show(ctx, refused.status(), refused.getMessage(), Links.landing(token), "Back to the sign-in page");
        }
    }

    /** Javalin's own: a path no route matches, a method a route does not take, a body over the size limit. */
    void http(HttpResponseException refused, Context ctx) {
        if (refused.getStatus() == 404 || refused.getStatus() == 405) {
            show(ctx, 404, Refusal.NO_SUCH_LINK, null, null);
        } else {
            show(ctx, refused.getStatus(), "The portal could not take this request.", null, null);
        }
    }

    /** A fault, not a refusal. Logged by the route's pattern and the exception's class: never a token, an address or content. */
    void unexpected(Exception fault, Context ctx) {
        LOG.warn("portal request to {} failed: {}", ctx.endpointHandlerPath(), fault.getClass().getName());
        LOG.debug("portal fault", fault);
        show(ctx, 500, "Something went wrong on our side. Try again in a moment.", null, null);
    }

    private void show(Context ctx, int status, String sentence, String back, String backText) {
        pages.show(ctx, status, "refusal", RefusalPage.of(look(ctx), status, sentence, back, backText));
    }

    /** The message's branding when the link leads to one, else the organization's name. */
    private Look look(Context ctx) {
        return Optional.ofNullable(ctx.pathParamMap().get("token")).flatMap(api::brandingOf).map(Look::of)
                .orElseGet(() -> Look.organization(api.organization()));
    }
}
