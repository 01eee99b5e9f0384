package org.envelopelab.portal;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.envelopelab.portal.guard.Refusal;
import org.envelopelab.portal.pages.Links;
import org.envelopelab.portal.pages.Look;
import org.envelopelab.portal.pages.Pages;
import org.envelopelab.portal.pages.RefusalPage;
import org.envelopelab.service.portal.PortalException;
import org.envelopelab.service.protection.RightsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every refusal into a page with the right status: the service's ({@link PortalException},
 * {@link RightsException}) and the web layer's own ({@link Refusal}). Refusal pages wear the neutral
 * look and carry nothing of any message, so a wrong link, a revoked message and a forged cookie
 * show no more than their sentence.
 */
final class Refusals {

    private static final Logger LOG = LoggerFactory.getLogger(Refusals.class);

    private final Pages pages;

    Refusals(Pages pages) {
        this.pages = pages;
    }

    void portal(PortalException refused, Context ctx) {
        int status = switch (refused.reason()) {
            case UNKNOWN_LINK, NO_SUCH_ATTACHMENT -> 404;
            case REVOKED, EXPIRED -> 410;
            case SESSION_ENDED -> 401;
            case NOT_AUTHORIZED, PASSCODES_OFF, SOCIAL_SIGN_IN_OFF -> 403;
        };
        String token = ctx.pathParamMap().get("token");
        boolean signInAgain = refused.reason() == PortalException.Reason.SESSION_ENDED && token != null;
        show(ctx, status, refused.getMessage(), signInAgain ? Links.landing(token) : null, "Sign in again");
    }

    void rights(RightsException refused, Context ctx) {
        String token = ctx.pathParamMap().get("token");
        show(ctx, 403, refused.getMessage() + ".", token == null ? null : Links.message(token), "Back to the message");
    }

    void refusal(Refusal refused, Context ctx) {
        show(ctx, refused.status(), refused.getMessage(), null, null);
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
        pages.show(ctx, status, "refusal", RefusalPage.of(Look.neutral(), status, sentence, back, backText));
    }
}
