package org.envelopelab.portal;

import org.envelopelab.service.branding.BrandingTemplate;
import org.envelopelab.service.protection.Protected;
import org.envelopelab.service.rights.RightsTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages a recipient meets around the message, as the real portal has them: a refusal still
 * says whose portal this is and what to do next, the portal's own address names the
 * organization, the reader can sign out, and the buttons wear the branding's colour.
 */
class RecipientPagesTest {

    /** A 1x1 PNG. */
    private static final byte[] LOGO = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    /** Contoso Bank's look; its mail expires after a day. */
    private static final BrandingTemplate CONTOSO = new BrandingTemplate("Contoso Bank", LOGO, "image/png", "#004b87", "",
            "has sent you a secure message.", "Read the message", "Contoso Bank will never ask for your PIN.",
            "Contoso Bank secure mail", true, true, 1, "https://contoso-bank.example/privacy");
    private static final String STATEMENT = String.join("\r\n",
            "From: \"Alice Adams\" <alice@contoso-bank.example>",
            "To: carol@gmail.example",
            "Subject: Your statement",
            "Date: Mon, 2 Mar 2026 08:55:00 +0000",
            "Message-ID: <statement@contoso-bank.example>",
            "Content-Type: text/plain; charset=UTF-8",
            "",
            "Your balance is USD 1,284.10.",
            "");

    private final MemoryPortal portal = new MemoryPortal();

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void anExpiredMessageStillShowsWhosePortalThisIsAndWhatToDoNext() throws Exception {
        Protected statement = portal.protect(STATEMENT, RightsTemplate.ENCRYPT_ONLY, CONTOSO);
        portal.clock.advance(Duration.ofDays(1));

        HttpResponse<String> page = portal.visitor().get("/portal/read/" + statement.token());

        assertThat(page.statusCode()).isEqualTo(410);
        assertBranded(page);
        assertThat(page.body()).contains("This message expired on Tuesday 3 March 2026, 09:00 UTC.")
                .contains("If you still need it, ask Alice Adams to send it again.");
    }

    @Test
    void aRevokedMessageStillShowsWhosePortalThisIsAndWhatToDoNext() throws Exception {
        Protected statement = portal.protect(STATEMENT, RightsTemplate.ENCRYPT_ONLY, CONTOSO);
        portal.service.revoke(statement.messageId(), MemoryPortal.ALICE);

        HttpResponse<String> page = portal.visitor().get("/portal/read/" + statement.token());

        assertThat(page.statusCode()).isEqualTo(410);
        assertBranded(page);
        assertThat(page.body()).contains("This message has been revoked by the sender. If you still need it, ask Alice Adams"
                + " to send it again.");
    }

    @Test
    void anEndedSessionOffersToSignInAgainInTheOrganizationsLook() throws Exception {
        Protected statement = portal.protect(STATEMENT, RightsTemplate.ENCRYPT_ONLY, CONTOSO);
        String landing = "/portal/read/" + statement.token();

        HttpResponse<String> page = portal.visitor().get(landing + "/message");

        assertThat(page.statusCode()).isEqualTo(401);
        assertBranded(page);
        assertThat(page.body()).contains("<a href=\"" + landing + "\">Sign in again</a>");
    }

    @Test
    void aWrongLinkNamesTheOrganizationAndWhatToCheck() throws Exception {
        HttpResponse<String> wrong = portal.visitor().get("/portal/read/no-such-link");
        RawHttp.Response outside = new RawHttp(portal.server.uri()).get("/favicon.ico");

        assertThat(wrong.statusCode()).isEqualTo(404);
        assertThat(wrong.body()).contains("Contoso Bank").contains("Check that you opened the whole link from your mail")
                .contains("ask the sender to send it again");
        assertThat(outside.status()).isEqualTo(404);
        assertThat(outside.body()).contains("Contoso Bank").contains("Check that you opened the whole link from your mail");
    }

    @Test
    void thePortalsOwnAddressNamesTheOrganization() throws Exception {
        assertThat(portal.visitor().get("/portal").body()).contains("Contoso Bank");
    }

    @Test
    void signingOutEndsTheSessionAndTheBrowserForgetsIt() throws Exception {
        Protected statement = portal.protect(STATEMENT, RightsTemplate.ENCRYPT_ONLY, CONTOSO);
        String landing = "/portal/read/" + statement.token();
        HttpVisitor carol = portal.signedIn(statement.token());
        HttpResponse<String> message = carol.get(landing + "/message");
        String session = carol.cookies.get("portal_session");
        assertThat(message.body()).contains("<form id=\"sign-out\" method=\"post\" action=\"" + landing + "/signout\">");

        HttpResponse<String> signedOut = carol.post(landing + "/signout", Map.of("csrf", HttpVisitor.csrf(message)));

        assertThat(signedOut.statusCode()).isEqualTo(200);
        assertBranded(signedOut);
        assertThat(signedOut.body()).contains("You have signed out").contains("<a href=\"" + landing + "\">Sign in again</a>");
        assertThat(HttpVisitor.setCookies(signedOut)).singleElement().satisfies(cookie -> assertThat(cookie)
                .startsWith("portal_session=;").contains("Path=" + landing, "Max-Age=0", "HttpOnly", "SameSite=Strict"));
        HttpVisitor replay = portal.visitor();
        replay.cookies.put("portal_session", session);
        assertThat(replay.get(landing + "/message").statusCode()).as("the old cookie, replayed").isEqualTo(401);
        assertThat(portal.service.audit().entries()).anySatisfy(entry -> assertThat(entry.line()).contains("signed-out"));
    }

    @Test
    void signingOutNeedsTheFormsToken() throws Exception {
        Protected statement = portal.protect(STATEMENT, RightsTemplate.ENCRYPT_ONLY, CONTOSO);
        String landing = "/portal/read/" + statement.token();
        HttpVisitor carol = portal.signedIn(statement.token());

        assertThat(carol.post(landing + "/signout", Map.of("csrf", "forged")).statusCode()).isEqualTo(403);
        assertThat(carol.get(landing + "/message").statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void buttonsWearTheBrandingsColour() throws Exception {
        Protected statement = portal.protect(STATEMENT, RightsTemplate.ENCRYPT_ONLY, CONTOSO);

        String landing = portal.visitor().get("/portal/read/" + statement.token()).body();

        assertThat(landing).containsPattern("button[^{}]*\\{[^}]*background-color: ?#004b87");
    }

    /** Contoso Bank's band, logo and texts. */
    private static void assertBranded(HttpResponse<String> page) {
        assertThat(page.body()).contains("Contoso Bank secure mail", "data:image/png;base64,", "#004b87",
                "Contoso Bank will never ask for your PIN.");
    }
}
