package org.envelopelab.portal.guard;

import io.javalin.http.Context;

import java.util.regex.Pattern;

/**
 * Turns away every request whose path, as it arrived, is not a plain portal path: segments of
 * letters, digits, '-' and '_' only. Tokens are URL-safe base64 and attachment numbers digits, so
 * nothing legitimate is lost, and dot segments, percent-encoding and {@code ;parameters} never
 * reach a handler. The check is on the path as sent because the servlet container normalises and
 * decodes before routing: without it {@code %30} would arrive as {@code 0}, and what a handler
 * saw would depend on the container's rules for {@code %2e%2e%2f}.
 */
public final class CleanPaths {

    /** Also "/portal/", which browsers ask for when someone types the portal's address. */
    private static final Pattern PLAIN = Pattern.compile("/portal(/[A-Za-z0-9_-]{1,64}){0,8}|/portal/");

    private CleanPaths() {
    }

    public static void require(Context ctx) {
        String raw = ctx.req().getRequestURI();
        if (raw == null || !PLAIN.matcher(raw).matches()) {
            throw Refusal.noSuchLink();
        }
    }
}
