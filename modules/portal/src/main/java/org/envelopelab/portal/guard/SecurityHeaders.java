package org.envelopelab.portal.guard;

import java.util.function.BiConsumer;

/**
 * The headers every portal response carries. The portal shows other people's mail, so its pages
 * run no script at all, load nothing from elsewhere, cannot be framed (clickjacking a Reply
 * button), leak no link through Referer, and are never kept in a cache — a shared computer's
 * browser cache is a copy of the message outside the service's reach. Javalin's pages get them
 * from a before-handler, Jetty's own answers (paths outside the portal, requests it cannot
 * parse) from {@code JettyRefusals}.
 */
public final class SecurityHeaders {

    /**
     * No script source at all; images only from the portal or inline (the logo); styles from the
     * page; forms post only back to the portal. {@code frame-src 'self'} admits the sandboxed
     * {@code srcdoc} frame the sender's HTML is shown in; that frame inherits this policy, so the
     * sender's HTML cannot load a tracking pixel either.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'; frame-src 'self'";

    /** For a downloaded file: should a browser render it after all, it renders it as an inert, sandboxed document. */
    public static final String DOWNLOAD_POLICY = "default-src 'none'; sandbox";

    private SecurityHeaders() {
    }

    /** Sets each header through {@code header}: a Javalin context's, a servlet response's or Jetty's raw fields. */
    public static void apply(BiConsumer<String, String> header) {
        header.accept("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        header.accept("X-Frame-Options", "DENY");
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("Referrer-Policy", "no-referrer");
        header.accept("Cache-Control", "no-store");
        header.accept("Cross-Origin-Opener-Policy", "same-origin");
        header.accept("Cross-Origin-Resource-Policy", "same-origin");
    }
}
