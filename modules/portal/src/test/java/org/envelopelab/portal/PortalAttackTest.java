package org.envelopelab.portal;

import org.envelopelab.mailnet.StoredMail;
import org.assertj.core.api.SoftAssertions;
import org.envelopelab.service.portal.PasscodeMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envelopelab.portal.PortalLab.ALICE;
import static org.envelopelab.portal.PortalLab.CARD;
import static org.envelopelab.portal.PortalLab.CAROL;
import static org.envelopelab.portal.PortalLab.ERIN;
import static org.envelopelab.portal.PortalLab.EVE;
import static org.envelopelab.portal.PortalLab.PASSWORD;

/**
 * The portal under attack, over plain HTTP against the real mail world: guessed, replayed,
 * superseded and borrowed passcodes; missing, forged and borrowed cookies; forms without their
 * CSRF token; forwarded wrappers; revoked and expired messages; wrong links; path tricks. Every
 * attempt must be refused with the right status and show nothing of the message (its card
 * number). The suite counts the attempts and prints the tally at the end.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PortalAttackTest {

    private static final AtomicInteger ATTEMPTS = new AtomicInteger();
    private static final AtomicInteger SUCCEEDED = new AtomicInteger();
    private static final AtomicInteger SUBJECTS = new AtomicInteger();

    private static PortalLab lab;

    @BeforeAll
    static void startTheWorld() throws Exception {
        lab = new PortalLab();
    }

    @AfterAll
    static void tally() {
        if (lab != null) {
            lab.close();
        }
        String tally = "portal attack suite: " + ATTEMPTS.get() + " attempts, " + SUCCEEDED.get() + " succeeded";
        System.out.println(tally);
        assertThat(SUCCEEDED.get()).as(tally).isZero();
    }

    @Test
    void fiveWrongPasscodesLockTheAddressAndEvenTheRightOneWaitsTenMinutes() throws Exception {
        String token = statementTo(CAROL);
        HttpVisitor mallory = visitor();
        String right = passcodeFor(mallory, token, CAROL);
        String wrong = right.equals("00000000") ? "11111111" : "00000000";

        for (int i = 1; i <= 4; i++) {
            refused("wrong passcode " + i, verify(mallory, token, CAROL, wrong), 401);
        }
        HttpResponse<String> fifth = verify(mallory, token, CAROL, wrong);
        refused("wrong passcode 5", fifth, 429);
        assertThat(fifth.body()).contains("Too many attempts").doesNotContain("<form id=\"verify\"");
        refused("the right passcode while locked", verify(mallory, token, CAROL, right), 429);
        lab.clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        refused("the right passcode a second before the lock ends", verify(mallory, token, CAROL, right), 429);

        lab.clock.advance(Duration.ofSeconds(1));
        assertThat(verify(mallory, token, CAROL, right).statusCode()).as("the lock is over").isEqualTo(303);
    }

    @Test
    void anExpiredPasscodeIsRefused() throws Exception {
        String token = statementTo(CAROL);
        HttpVisitor carol = visitor();
        String passcode = passcodeFor(carol, token, CAROL);
        lab.clock.advance(Duration.ofMinutes(16));

        refused("a passcode 16 minutes old", verify(carol, token, CAROL, passcode), 401);
    }

    @Test
    void aPasscodeWorksOnce() throws Exception {
        String token = statementTo(CAROL);
        HttpVisitor carol = visitor();
        String passcode = passcodeFor(carol, token, CAROL);
        assertThat(verify(carol, token, CAROL, passcode).statusCode()).isEqualTo(303);

        refused("a replayed passcode", verify(visitor(), token, CAROL, passcode), 401);
    }

    @Test
    void aNewerPasscodeVoidsTheOlder() throws Exception {
        String token = statementTo(CAROL);
        HttpVisitor carol = visitor();
        String first = passcodeFor(carol, token, CAROL);
        String second = passcodeFor(carol, token, CAROL);

        refused("a superseded passcode", verify(carol, token, CAROL, first), 401);
        assertThat(verify(carol, token, CAROL, second).statusCode()).isEqualTo(303);
    }

    @Test
    void anotherMessagesPasscodeOpensNothingHere() throws Exception {
        String token = statementTo(CAROL);
        String other = statementTo(CAROL);
        HttpVisitor carol = visitor();
        String passcodeForOther = passcodeFor(carol, other, CAROL);

        refused("another message's passcode", verify(carol, token, CAROL, passcodeForOther), 401);
    }

    @Test
    void withoutASessionCookieNothingIsShownOrDone() throws Exception {
        String token = statementTo(CAROL);
        HttpVisitor stranger = visitor();
        stranger.get(landing(token));

        refused("the message without a session", stranger.get(page(token, "message")), 401);
        refused("a download without a session", stranger.get(page(token, "attachments/0")), 401);
        refused("a reply without a session", stranger.post(page(token, "reply"),
                Map.of("text", "hello", "csrf", HttpVisitor.csrf(stranger.get(landing(token))))), 401, 403);
        assertThat(repliesTo(ALICE)).isZero();
    }

    @Test
    void aForgedSessionCookieIsNoSession() throws Exception {
        String token = statementTo(CAROL);
        HttpVisitor forger = visitor();
        forger.cookies.put("portal_session", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        refused("a forged session cookie", forger.get(page(token, "message")), 401);
        forger.cookies.put("portal_session", "../../../../etc/passwd");
        refused("a path as session cookie", forger.get(page(token, "attachments/0")), 401);
    }

    @Test
    void aSessionOpensOnlyTheLinkItWasStartedOn() throws Exception {
        String subject = nextSubject();
        lab.sendStatement(subject, CAROL);
        String carolsToken = tokenOf(CAROL, subject);
        String erinsSubject = nextSubject();
        lab.sendStatement(erinsSubject, ERIN, CAROL);
        String erinsToken = tokenOf(ERIN, erinsSubject);
        HttpVisitor erin = signedIn(erinsToken, ERIN);
        HttpVisitor carol = signedIn(carolsToken, CAROL);

        refused("another recipient's session on this link", erin.get(page(carolsToken, "message")), 401);
        refused("another recipient's session for a download", erin.get(page(carolsToken, "attachments/0")), 401);
        // Carol is a recipient of Erin's message too, but her session belongs to her own link.
        refused("this session on another message's link", carol.get(page(erinsToken, "message")), 401);
    }

    @Test
    void everyFormNeedsItsCsrfToken() throws Exception {
        String token = statementTo(CAROL);
        HttpVisitor carol = visitor();
        carol.get(landing(token));
        int passcodesBefore = passcodeMails(CAROL);

        for (String csrf : new String[] {null, "0." + "A".repeat(43), "forged"}) {
            String how = csrf == null ? "missing" : "wrong";
            refused("asking for a passcode, CSRF " + how, carol.post(page(token, "passcode"), form("email", CAROL, "csrf", csrf)), 403);
        }
        lab.settle();
        assertThat(passcodeMails(CAROL)).as("no passcode was sent").isEqualTo(passcodesBefore);

        String passcode = passcodeFor(carol, token, CAROL);
        refused("entering the passcode, CSRF missing", carol.post(page(token, "verify"),
                form("email", CAROL, "passcode", passcode, "csrf", null)), 403);
        HttpVisitor other = visitor();
        String othersToken = HttpVisitor.csrf(other.get(landing(token)));
        refused("entering the passcode with another visitor's CSRF token", carol.post(page(token, "verify"),
                form("email", CAROL, "passcode", passcode, "csrf", othersToken)), 403);
        // Nothing was used up: the passcode still signs Carol in.
        assertThat(verify(carol, token, CAROL, passcode).statusCode()).isEqualTo(303);

        String visitToken = HttpVisitor.csrf(carol.get(landing(token)));
        for (String csrf : new String[] {null, visitToken, "forged"}) {
            String how = csrf == null ? "missing" : csrf.equals(visitToken) ? "of the visit, not the session" : "wrong";
            refused("replying, CSRF " + how, carol.post(page(token, "reply"), form("text", "pay me", "csrf", csrf)), 403);
            refused("forwarding, CSRF " + how, carol.post(page(token, "forward"), form("to", EVE, "csrf", csrf)), 403);
        }
        lab.settle();
        assertThat(repliesTo(ALICE)).isZero();
        assertThat(lab.inbox(EVE)).isEmpty();
    }

    @Test
    void signingInWithAProviderNeedsThePasswordAndACsrfToken() throws Exception {
        String token = statementTo(CAROL);
        HttpVisitor mallory = visitor();
        String signIn = page(token, "signin");
        String csrf = HttpVisitor.csrf(mallory.get(signIn + "?provider=gmail.example"));

        refused("a provider sign-in with a wrong password", mallory.post(signIn, form("email", CAROL, "password", "guess",
                "csrf", csrf)), 401);
        refused("a provider sign-in at a domain the provider does not serve", mallory.post(signIn, form("email",
                "carol@contoso-bank.example", "password", PASSWORD, "csrf", csrf)), 401);
        refused("a provider sign-in without CSRF token", mallory.post(signIn, form("email", CAROL, "password", PASSWORD)), 403);

        HttpResponse<String> carol = mallory.post(signIn, form("email", CAROL, "password", PASSWORD, "csrf", csrf));
        assertThat(carol.statusCode()).as("the account's owner").isEqualTo(303);
        assertThat(mallory.get(page(token, "message")).body()).contains(CARD);
    }

    @Test
    void fiveWrongPasswordsLockProviderSignInAndEvenTheRightOneWaitsTenMinutes() throws Exception {
        String token = statementTo(CAROL);
        HttpVisitor mallory = visitor();
        String signIn = page(token, "signin");
        String csrf = HttpVisitor.csrf(mallory.get(signIn + "?provider=gmail.example"));

        for (int i = 1; i <= 4; i++) {
            refused("wrong password " + i, mallory.post(signIn, form("email", CAROL, "password", "guess " + i,
                    "provider", "gmail.example", "csrf", csrf)), 401);
        }
        HttpResponse<String> fifth = mallory.post(signIn, form("email", CAROL, "password", "guess 5",
                "provider", "gmail.example", "csrf", csrf));
        refused("wrong password 5", fifth, 429);
        assertThat(fifth.body()).contains("Too many attempts").doesNotContain("id=\"password\"");
        refused("the right password while locked", mallory.post(signIn, form("email", CAROL, "password", PASSWORD,
                "provider", "gmail.example", "csrf", csrf)), 429);
        refused("a passcode while locked", verify(mallory, token, CAROL, "12345678"), 429);
        lab.clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        refused("the right password a second before the lock ends", mallory.post(signIn, form("email", CAROL,
                "password", PASSWORD, "provider", "gmail.example", "csrf", csrf)), 429);

        lab.clock.advance(Duration.ofSeconds(1));
        assertThat(mallory.post(signIn, form("email", CAROL, "password", PASSWORD, "provider", "gmail.example",
                "csrf", csrf)).statusCode()).as("the lock is over").isEqualTo(303);
    }

    @Test
    void aForwardedWrapperLeadsItsNewHolderNowhere() throws Exception {
        String subject = nextSubject();
        lab.sendStatement(subject, CAROL);
        // Carol forwards the wrapper to Eve; Eve now holds the link.
        String token = tokenOf(CAROL, subject);
        HttpVisitor eve = visitor();

        HttpResponse<String> asked = askPasscode(eve, token, EVE);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("If eve@gmail.example is an address this message was sent to");
        lab.settle();
        assertThat(lab.inbox(EVE)).as("nothing is mailed to a forwardee").isEmpty();
        for (String guess : List.of("12345678", "00000000", "99999999")) {
            refused("a forwardee guessing a passcode", verify(eve, token, EVE, guess), 401, 429);
        }
        HttpResponse<String> providerSignIn = eve.post(page(token, "signin"), form("email", EVE, "password", PASSWORD,
                "csrf", HttpVisitor.csrf(eve.get(page(token, "signin")))));
        refused("a forwardee signing in with her own account", providerSignIn, 403);

        // Guessing the recipient's address only mails the recipient.
        int carolsBefore = passcodeMails(CAROL);
        HttpResponse<String> forCarol = askPasscode(eve, token, CAROL);
        assertThat(lab.passcode(CAROL, HttpVisitor.reference(forCarol))).as("Carol's passcode mail").isPresent();
        assertThat(passcodeMails(CAROL)).isEqualTo(carolsBefore + 1);
        assertThat(lab.inbox(EVE)).isEmpty();
    }

    @Test
    void aRevokedMessageIsGoneEvenForAnOpenSession() throws Exception {
        String subject = nextSubject();
        String messageId = lab.sendStatement(subject, CAROL);
        String token = tokenOf(CAROL, subject);
        HttpVisitor carol = signedIn(token, CAROL);
        String csrf = HttpVisitor.csrf(carol.get(page(token, "message")));

        lab.protection.revoke(messageId, ALICE);

        HttpResponse<String> landing = visitor().get(landing(token));
        refused("a revoked message's link", landing, 410);
        assertThat(landing.body()).contains("This message has been revoked by the sender.");
        refused("a revoked message in an open session", carol.get(page(token, "message")), 410);
        refused("a revoked message's attachment", carol.get(page(token, "attachments/0")), 410);
        refused("replying to a revoked message", carol.post(page(token, "reply"), form("text", "?", "csrf", csrf)), 410);
    }

    @Test
    void anExpiredMessageIsGone() throws Exception {
        String subject = nextSubject() + " (expiring)";
        lab.sendStatement(subject, CAROL);
        String token = tokenOf(CAROL, subject);
        HttpVisitor carol = signedIn(token, CAROL);
        assertThat(carol.get(page(token, "message")).body()).contains("id=\"expires\"");

        lab.clock.advance(Duration.ofDays(1));

        HttpResponse<String> landing = visitor().get(landing(token));
        refused("an expired message's link", landing, 410);
        assertThat(landing.body()).contains("This message expired on");
        refused("an expired message in an open session", carol.get(page(token, "message")), 410);
    }

    @Test
    void guessedAndAlteredLinksLeadNowhereAndLookAlike() throws Exception {
        String token = statementTo(CAROL);
        String altered = token.substring(0, 10) + (token.charAt(10) == 'A' ? 'B' : 'A') + token.substring(11);

        HttpResponse<String> guessed = visitor().get(landing("Zm9yZ2VkLXRva2VuLWZvcmdlZC10b2tlbg"));
        HttpResponse<String> changed = visitor().get(landing(altered));
        refused("a guessed link", guessed, 404);
        refused("an altered link", changed, 404);
        assertThat(changed.body()).isEqualTo(guessed.body());
        refused("a link with characters no token has", visitor().get("/portal/read/%3Cscript%3E"), 404, 400);
        assertThat(visitor().get("/portal/read/not*a*token").body()).isEqualTo(guessed.body());
    }

    @Test
    void pathTricksOnDownloadsFindNothing() throws Exception {
        String token = statementTo(CAROL);
        HttpVisitor carol = signedIn(token, CAROL);
        assertThat(carol.get(page(token, "attachments/0")).statusCode()).as("the real file").isEqualTo(200);

        for (String trick : List.of("../../etc/passwd", "..%2f..%2fetc%2fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "-1",
                "99999999999999999999", "0;rm", "0%3Brm", "1", "0x0", "00", "%30", "0/..")) {
            refused("download " + trick, carol.get(page(token, "attachments/" + trick)), 404, 400);
        }
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        String token = statementTo(CAROL);
        HttpVisitor carol = visitor();
        HttpResponse<String> landing = carol.get(landing(token));
        String policy = landing.headers().firstValue("Content-Security-Policy").orElseThrow();

        assertThat(policy).contains("default-src 'none'", "frame-ancestors 'none'", "form-action 'self'", "base-uri 'none'")
                .doesNotContain("http:", "https:", "*", "unsafe-eval", "script-src");
        assertThat(landing.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(landing.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(landing.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(HttpVisitor.setCookies(landing)).singleElement().satisfies(cookie ->
                assertThat(cookie).startsWith("portal_visit=").contains("HttpOnly", "SameSite=Strict", "Path=/portal"));

        String passcode = passcodeFor(carol, token, CAROL);
        HttpResponse<String> signIn = verify(carol, token, CAROL, passcode);
        assertThat(signIn.headers().firstValue("Location")).contains(lab.portal.uri() + "/read/" + token + "/message");
        assertThat(HttpVisitor.setCookies(signIn)).singleElement().satisfies(cookie ->
                assertThat(cookie).startsWith("portal_session=").contains("HttpOnly", "SameSite=Strict",
                        "Path=/portal/read/" + token));
        HttpResponse<String> message = carol.get(page(token, "message"));
        assertThat(message.body()).contains(CARD);
        assertThat(message.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(message.headers().firstValue("X-Frame-Options")).contains("DENY");
        HttpResponse<byte[]> file = carol.getBytes(page(token, "attachments/0"));
        assertThat(file.body()).isEqualTo(PortalLab.statementCsv());
        assertThat(file.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(file.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(file.headers().firstValue("Content-Disposition")).get().asString().startsWith("attachment; filename=\"statement.csv\"");
        assertThat(file.headers().firstValue("Content-Security-Policy")).get().asString().contains("sandbox");
        HttpResponse<String> wrongLink = visitor().get(landing("nothing-here"));
        assertThat(wrongLink.headers().firstValue("Content-Security-Policy")).contains(policy);
    }

    @Test
    void aFileNamedWithABidiOverrideShowsItsRealExtension() throws Exception {
        String subject = nextSubject();
        lab.sendStatementWithFile(subject, "invoice\u202Efdp.exe", CAROL);
        String token = tokenOf(CAROL, subject);
        HttpVisitor carol = signedIn(token, CAROL);

        HttpResponse<String> message = carol.get(page(token, "message"));
        HttpResponse<byte[]> file = carol.getBytes(page(token, "attachments/0"));

        ATTEMPTS.incrementAndGet();
        boolean disguised = message.body().contains("\u202E") || !message.body().contains(">invoicefdp.exe</a>");
        if (disguised) {
            SUCCEEDED.incrementAndGet();
        }
        assertThat(message.body()).as("the message page lists the file by what it is").doesNotContain("\u202E")
                .contains(">invoicefdp.exe</a>");
        assertThat(file.headers().firstValue("Content-Disposition")).get().asString()
                .startsWith("attachment; filename=\"invoicefdp.exe\"");
    }

    @Test
    void whatJettyAnswersItselfCarriesTheSecurityHeadersToo() throws Exception {
        RawHttp raw = new RawHttp(lab.portal.uri());
        String host = "Host: " + lab.portal.uri().getRawAuthority();
        Map<String, RawHttp.Response> answers = new LinkedHashMap<>();
        answers.put("GET /", raw.get("/"));
        answers.put("GET /favicon.ico", raw.get("/favicon.ico"));
        answers.put("GET /portal", raw.get("/portal"));
        answers.put("GET /portal/", raw.get("/portal/"));
        answers.put("a broken percent-encoding", raw.get("/portal/read/%zz"));
        answers.put("an encoded dot segment", raw.get("/portal/%2e%2e/read"));
        answers.put("a space in the path", raw.send("GET /portal/read/a b HTTP/1.1", List.of(host), ""));
        answers.put("a control character in a header", raw.send("GET /portal/read/x HTTP/1.1", List.of(host, "X-Note: a\u0001b"), ""));
        answers.put("no Host header", raw.send("GET /portal/read/x HTTP/1.1", List.of(), ""));
        answers.put("OPTIONS *", raw.send("OPTIONS * HTTP/1.1", List.of(host), ""));
        answers.put("TRACE", raw.send("TRACE /portal/read/x HTTP/1.1", List.of(host), ""));

        SoftAssertions softly = new SoftAssertions();
        answers.forEach((request, answer) -> {
            ATTEMPTS.incrementAndGet();
            boolean secured = answer.header("Content-Security-Policy").orElse("").contains("default-src 'none'")
                    && answer.header("X-Frame-Options").orElse("").equals("DENY")
                    && answer.header("X-Content-Type-Options").orElse("").equals("nosniff")
                    && answer.header("Referrer-Policy").orElse("").equals("no-referrer")
                    && answer.header("Cache-Control").orElse("").contains("no-store")
                    && answer.header("Location").isEmpty()
                    && !answer.body().toLowerCase(Locale.ROOT).contains("jetty");
            if (!secured) {
                SUCCEEDED.incrementAndGet();
            }
            softly.assertThat(secured).as(request + " (" + answer.status() + "): " + answer.headers()).isTrue();
        });
        softly.assertAll();
    }

    @Test
    void aForgedHostHeaderNeverChoosesWhereARedirectLeads() throws Exception {
        String token = statementTo(CAROL);
        HttpVisitor carol = visitor();
        String passcode = passcodeFor(carol, token, CAROL);
        String form = "email=" + URLEncoder.encode(CAROL, StandardCharsets.UTF_8) + "&passcode=" + passcode + "&csrf="
                + URLEncoder.encode(HttpVisitor.csrf(carol.get(landing(token))), StandardCharsets.UTF_8);
        String cookies = carol.cookies.entrySet().stream().map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));

        RawHttp.Response signIn = new RawHttp(lab.portal.uri()).send("POST " + page(token, "verify") + " HTTP/1.1",
                List.of("Host: evil.example", "Cookie: " + cookies, "Content-Type: application/x-www-form-urlencoded",
                        "Content-Length: " + form.length()), form);

        ATTEMPTS.incrementAndGet();
        String location = signIn.header("Location").orElse("");
        if (location.contains("evil.example")) {
            SUCCEEDED.incrementAndGet();
        }
        assertThat(signIn.status()).isEqualTo(303);
        assertThat(location).isEqualTo(lab.portal.uri() + "/read/" + token + "/message");
    }

    @Test
    void headAnswersWithTheStatusGetWould() throws Exception {
        String subject = nextSubject() + " (expiring)";
        lab.sendStatement(subject, CAROL);
        String expired = tokenOf(CAROL, subject);
        lab.clock.advance(Duration.ofDays(1));
        String token = statementTo(CAROL);

        for (String path : List.of(landing("nothing-here"), landing(expired), landing(token), page(token, "message"),
                page(token, "attachments/0"), page(token, "signin"), page(token, "nowhere"), "/portal", "/portal/")) {
            HttpResponse<String> get = visitor().get(path);
            HttpResponse<Void> head = visitor().head(path);
            ATTEMPTS.incrementAndGet();
            if (head.statusCode() != get.statusCode()) {
                SUCCEEDED.incrementAndGet();
            }
            assertThat(head.statusCode()).as("HEAD " + path).isEqualTo(get.statusCode());
            assertThat(head.headers().firstValue("Content-Security-Policy")).as("HEAD " + path).isPresent();
        }
    }

    /**
     * Whoever holds a link must not learn from the clock who its recipients are: asking for a
     * passcode for a recipient (a mail goes out) and for anyone else (nothing goes out) answers
     * in the same time. Measured as an attacker would, from the request's first byte to the
     * connection's close, after a warm-up, in 50 interleaved pairs whose order alternates, each
     * request on a quiet portal; medians, so a garbage collection or a busy neighbour on a shared
     * machine does not decide.
     */
    @Test
    void askingForAPasscodeTakesAsLongForAStrangerAsForARecipient() throws Exception {
        String token = statementTo(CAROL);
        HttpVisitor visitor = visitor();
        String csrf = HttpVisitor.csrf(visitor.get(landing(token)));
        String cookie = "Cookie: portal_visit=" + visitor.cookies.get("portal_visit");
        for (int i = 0; i < 10; i++) {
            askingTime(token, CAROL, csrf, cookie);
            askingTime(token, EVE, csrf, cookie);
        }

        long[] recipient = new long[50];
        long[] stranger = new long[50];
        for (int i = 0; i < 50; i++) {
            if (i % 2 == 0) {
                recipient[i] = askingTime(token, CAROL, csrf, cookie);
                stranger[i] = askingTime(token, EVE, csrf, cookie);
            } else {
                stranger[i] = askingTime(token, EVE, csrf, cookie);
                recipient[i] = askingTime(token, CAROL, csrf, cookie);
            }
        }

        double recipientMs = median(recipient) / 1e6;
        double strangerMs = median(stranger) / 1e6;
        System.out.printf(Locale.ROOT, "asking for a passcode, median of 50: recipient %.2f ms, stranger %.2f ms%n",
                recipientMs, strangerMs);
        ATTEMPTS.incrementAndGet();
        if (Math.abs(recipientMs - strangerMs) >= 2) {
            SUCCEEDED.incrementAndGet();
        }
        assertThat(Math.abs(recipientMs - strangerMs)).as("recipient %.2f ms, stranger %.2f ms", recipientMs, strangerMs)
                .isLessThan(2.0);
        lab.settle();
        assertThat(lab.inbox(EVE)).as("nothing was mailed to the stranger").isEmpty();
    }

    @Test
    void doNotForwardOffersNoForwardOrPrintAndRefusesAForward() throws Exception {
        String subject = nextSubject() + " (confidential)";
        lab.sendStatement(subject, CAROL);
        String token = tokenOf(CAROL, subject);
        HttpVisitor carol = signedIn(token, CAROL);

        HttpResponse<String> message = carol.get(page(token, "message"));
        assertThat(message.body()).contains(CARD, "id=\"reply\"", "id=\"reply-all\"", "id=\"no-copy\"", "user-select: none")
                .doesNotContain("id=\"forward\"", "id=\"print\"", "print()");
        refused("forwarding Do Not Forward", carol.post(page(token, "forward"), form("to", EVE,
                "csrf", HttpVisitor.csrf(message))), 403);
        lab.settle();
        assertThat(lab.inbox(EVE)).isEmpty();
    }

    /** One attack: refused with one of these statuses, and nothing of the message in the answer. */
    private static void refused(String attack, HttpResponse<String> response, int... statuses) {
        ATTEMPTS.incrementAndGet();
        boolean refusedRight = false;
        for (int status : statuses) {
            refusedRight |= response.statusCode() == status;
        }
        boolean leaked = response.body().contains(CARD) || response.body().contains("1284.10");
        if (!refusedRight || leaked) {
            SUCCEEDED.incrementAndGet();
        }
        assertThat(response.statusCode()).as(attack).isIn(box(statuses));
        assertThat(response.body()).as(attack).doesNotContain(CARD).doesNotContain("1284.10");
    }

    private static Object[] box(int[] statuses) {
        Object[] boxed = new Object[statuses.length];
        for (int i = 0; i < statuses.length; i++) {
            boxed[i] = statuses[i];
        }
        return boxed;
    }

    private static String statementTo(String recipient) throws Exception {
        String subject = nextSubject();
        lab.sendStatement(subject, recipient);
        return tokenOf(recipient, subject);
    }

    private static String nextSubject() {
        return "Your statement " + SUBJECTS.incrementAndGet();
    }

    private static String tokenOf(String recipient, String subject) throws Exception {
        String path = lab.wrapperLink(recipient, subject).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static HttpVisitor visitor() {
        return new HttpVisitor(lab.portal.uri());
    }

    private static HttpVisitor signedIn(String token, String recipient) throws Exception {
        HttpVisitor visitor = visitor();
        assertThat(verify(visitor, token, recipient, passcodeFor(visitor, token, recipient)).statusCode()).isEqualTo(303);
        return visitor;
    }

    private static HttpResponse<String> askPasscode(HttpVisitor visitor, String token, String email) throws Exception {
        String csrf = HttpVisitor.csrf(visitor.get(landing(token)));
        return visitor.post(page(token, "passcode"), form("email", email, "csrf", csrf));
    }

    private static String passcodeFor(HttpVisitor visitor, String token, String email) throws Exception {
        HttpResponse<String> asked = askPasscode(visitor, token, email);
        assertThat(asked.statusCode()).isEqualTo(200);
        return lab.passcode(email, HttpVisitor.reference(asked)).orElseThrow();
    }

    private static HttpResponse<String> verify(HttpVisitor visitor, String token, String email, String passcode) throws Exception {
        String csrf = HttpVisitor.csrf(visitor.get(landing(token)));
        return visitor.post(page(token, "verify"), form("email", email, "passcode", passcode, "csrf", csrf));
    }

    private static Map<String, String> form(String... namesAndValues) {
        Map<String, String> form = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    private static String landing(String token) {
        return "/portal/read/" + token;
    }

    private static String page(String token, String rest) {
        return landing(token) + "/" + rest;
    }

    /**
     * How long the portal took to answer a passcode request and close the connection, asked once
     * whatever the last request set going is done (the portal sends a passcode mail 50 ms after
     * answering; the transport then delivers it).
     */
    private static long askingTime(String token, String email, String csrf, String cookie) throws Exception {
        Thread.sleep(80);
        lab.settle();
        String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&csrf=" + URLEncoder.encode(csrf,
                StandardCharsets.UTF_8);
        long start = System.nanoTime();
        RawHttp.Response answer = new RawHttp(lab.portal.uri()).send("POST " + page(token, "passcode") + " HTTP/1.1",
                List.of("Host: " + lab.portal.uri().getRawAuthority(), cookie, "Content-Type: application/x-www-form-urlencoded",
                        "Content-Length: " + form.length()), form);
        long took = System.nanoTime() - start;
        assertThat(answer.status()).isEqualTo(200);
        return took;
    }

    private static double median(long[] samples) {
        long[] sorted = samples.clone();
        java.util.Arrays.sort(sorted);
        return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
    }

    private static int passcodeMails(String address) throws Exception {
        int count = 0;
        for (StoredMail mail : lab.inbox(address)) {
            count += PasscodeMail.SUBJECT.equals(mail.summary().subject()) ? 1 : 0;
        }
        return count;
    }

    private static int repliesTo(String address) throws Exception {
        int count = 0;
        for (StoredMail mail : lab.inbox(address)) {
            String subject = mail.summary().subject();
            count += subject != null && subject.startsWith("RE: ") ? 1 : 0;
        }
        return count;
    }
}
