package org.envelopelab.portal.guard;

import io.javalin.http.Context;
import org.envelopelab.portal.pages.Links;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The portal's two cookies. {@code portal_visit} is a random id given to every visitor before
 * sign-in, so the forms they post can carry a token bound to it; {@code portal_session} is the
 * service's session id after sign-in, sent back only below the one message link it was started
 * on. Both are HttpOnly (no script may read them — and the pages run none) and SameSite=Strict
 * (no other site's page can make the browser send them).
 *
 * <p>Secure is left out because the lab serves plain http://127.0.0.1, where a Secure cookie would
 * not come back; in production, behind TLS, both cookies add Secure (and the site HSTS).
 */
public final class PortalCookies {

    public static final String VISIT = "portal_visit";
    public static final String SESSION = "portal_session";

    /** What the lab's ids look like: URL-safe base64. Anything else is no cookie of ours. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{22,64}");

    private final SecureRandom random;

    public PortalCookies(SecureRandom random) {
        this.random = random;
    }

    /** The visitor's id: the one their cookie carries, or a new one (192 random bits) set now. */
    public String visit(Context ctx) {
        String visit = existingVisit(ctx);
        if (visit == null) {
            byte[] id = new byte[24];
            random.nextBytes(id);
            visit = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
            set(ctx, VISIT, visit, Links.ROOT);
        }
        return visit;
    }

    /** The visitor's id from their cookie, or null. */
    public static String existingVisit(Context ctx) {
        return wellFormed(ctx.cookie(VISIT));
    }

    /** The portal session id from the cookie, or null. */
    public static String session(Context ctx) {
        return wellFormed(ctx.cookie(SESSION));
    }

    /** Hands the browser a session that only this message's pages will get back. */
    public void startSession(Context ctx, String token, String sessionId) {
        set(ctx, SESSION, sessionId, Links.landing(token));
    }

    /** Tells the browser to forget this message's session cookie: same name and path, empty, expired. */
    public static void endSession(Context ctx, String token) {
        ctx.res().addHeader("Set-Cookie", SESSION + "=; Path=" + Links.landing(token) + "; Max-Age=0; HttpOnly; SameSite=Strict");
    }

    private static String wellFormed(String value) {
        return value != null && WELL_FORMED.matcher(value).matches() ? value : null;
    }

    private static void set(Context ctx, String name, String value, String path) {
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=" + path + "; HttpOnly; SameSite=Strict");
    }
}
