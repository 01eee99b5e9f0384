package org.envelopelab.portal.guard;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.net.URI;
import java.util.function.Supplier;

/**
 * Sends the browser on to another portal page with a 303, at the portal's own address. A
 * redirect built from the request's Host header would send whoever follows it — and the message
 * token in the path — wherever the sender of that header chose: behind a shared proxy or cache,
 * another visitor.
 */
public final class Redirects {

    private final Supplier<URI> portal;

    /** @param portal the portal's base URI, such as http://127.0.0.1:41234/portal */
    public Redirects(Supplier<URI> portal) {
        this.portal = portal;
    }

    /** A 303 to the page at {@code path}, an absolute path such as /portal/read/{token}/message. */
    public void seeOther(Context ctx, String path) {
        ctx.redirect(portal.get().resolve(path).toString(), HttpStatus.SEE_OTHER);
    }
}
