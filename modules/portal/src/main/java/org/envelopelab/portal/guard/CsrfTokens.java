package org.envelopelab.portal.guard;

import io.javalin.http.Context;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * The token every portal form carries, so a page on another site cannot post to the portal in the
 * visitor's name (ask for passcodes, try passcodes, reply). Before sign-in it is bound to the
 * {@code portal_visit} cookie, after sign-in to the portal session: an HMAC under a key made at
 * start-up, so the portal stores nothing per visitor. A visit token also carries when it was made
 * and lasts an hour; a session token lives as long as its session. Tokens are compared in
 * constant time.
 */
public final class CsrfTokens {

    public static final String FIELD = "csrf";
    public static final Duration VISIT_TOKEN_LIFETIME = Duration.ofHours(1);

    private final SecretKeySpec key;
    private final Clock clock;

    public CsrfTokens(SecureRandom random, Clock clock) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.clock = clock;
    }

    /** {@code <issued epoch second>.<HMAC>} for a form shown before sign-in. */
    public String forVisit(String visit) {
        String issued = Long.toString(clock.instant().getEpochSecond());
        return issued + "." + mac("visit", visit, issued);
    }

    public boolean validForVisit(String visit, String token) {
        if (visit == null || token == null) {
            return false;
        }
        int dot = token.indexOf('.');
        if (dot < 1 || dot > 12 || !token.substring(0, dot).chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        String issued = token.substring(0, dot);
        boolean genuine = sameText(mac("visit", visit, issued), token.substring(dot + 1));
        long age = clock.instant().getEpochSecond() - Long.parseLong(issued);
        return genuine && age >= 0 && age < VISIT_TOKEN_LIFETIME.toSeconds();
    }

    /** The token for forms shown to a signed-in recipient. */
    public String forSession(String session) {
        return mac("session", session, "");
    }

    public boolean validForSession(String session, String token) {
        return session != null && token != null && sameText(mac("session", session, ""), token);
    }

    /** A 403 unless the posted form carries the token of the visitor's cookie. */
    public void requireVisitToken(Context ctx) {
        if (!validForVisit(PortalCookies.existingVisit(ctx), ctx.formParam(FIELD))) {
            throw Refusal.forgedForm();
        }
    }

    /** The session id, when the posted form carries the token of the session cookie; a 403 otherwise. */
    public String requireSessionToken(Context ctx) {
        String session = PortalCookies.session(ctx);
        if (!validForSession(session, ctx.formParam(FIELD))) {
            throw Refusal.forgedForm();
        }
        return session;
    }

    private String mac(String purpose, String bound, String issued) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((purpose + '\0' + bound + '\0' + issued).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private static boolean sameText(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
