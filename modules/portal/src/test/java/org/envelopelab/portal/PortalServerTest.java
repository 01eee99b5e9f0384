package org.envelopelab.portal;

import org.envelopelab.service.audit.AuditLog;
import org.envelopelab.service.branding.BrandingTemplate;
import org.envelopelab.service.portal.PortalApi;
import org.envelopelab.service.protection.Protected;
import org.envelopelab.service.protection.ProtectionService;
import org.envelopelab.service.rights.RightsTemplate;
import org.envelopelab.service.tenant.Plan;
import org.envelopelab.service.tenant.Tenant;
import org.envelopelab.testkit.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server on its own, with the service in memory: start-up, binding, and what reaches the page of a hostile message. */
class PortalServerTest {

    private static final String CAROL = "carol@gmail.example";
    /** A sender who names herself a script, writes one in the subject and hides one, with a tracking pixel, in the HTML. */
    private static final String HOSTILE = String.join("\r\n",
            "From: \"<script>alert('name')</script>\" <alice@contoso-bank.example>",
            "To: carol@gmail.example",
            "Subject: <script>alert('subject')</script>",
            "Date: Mon, 2 Mar 2026 08:55:00 +0000",
            "Message-ID: <hostile@contoso-bank.example>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"b\"",
            "",
            "--b",
            "Content-Type: text/plain; charset=UTF-8",
            "",
            "Plain <b>text</b> & more",
            "--b",
            "Content-Type: text/html; charset=UTF-8",
            "",
            "<p>Hi \"there\"</p><script>alert('html')</script><img src=\"https://tracker.example/pixel.gif\">",
            "--b--",
            "");

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private PortalServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyPageAnswers503UntilTheServiceIsAttached() throws Exception {
        server = PortalServer.start("127.0.0.1", 0, clock, new SecureRandom());

        HttpResponse<String> page = new HttpVisitor(server.uri()).get("/portal/read/any-token-at-all");

        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("The secure message service is starting");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString().startsWith("default-src 'none'");
    }

    @Test
    void listensOn127001Only() {
        server = PortalServer.start("127.0.0.1", 0, clock, new SecureRandom());

        assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");
        assertThat(server.uri().getPort()).isPositive();
        assertThat(server.uri().getPath()).isEqualTo("/portal");
        assertThatThrownBy(() -> PortalServer.start("0.0.0.0", 0, clock, new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("127.0.0.1 only");
        assertThatThrownBy(() -> PortalServer.start("localhost", 0, clock, new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHostileSendersScriptsShowAsTextAndItsHtmlStaysInAScriptlessSandbox() throws Exception {
        Tenant tenant = new Tenant("Contoso Bank", "contoso-bank.example", Set.of("alice@contoso-bank.example"), Map.of(),
                Plan.OFFICE_365_E5, Set.of());
        ProtectionService service = new ProtectionService(tenant, clock, new SecureRandom(), new AuditLog(clock));
        AtomicReference<String> mailed = new AtomicReference<>();
        PortalApi api = new PortalApi(service, (to, reference, passcode, branding, sender, expires) -> mailed.set(passcode),
                (from, to, subject, text, inReplyTo, template) -> "<reply@test>", (from, to, mime, template) -> { });
        server = PortalServer.start("127.0.0.1", 0, clock, new SecureRandom());
        server.attach(api, new IdentityProvider() {
            @Override
            public boolean signIn(String address, String password) {
                return false;
            }

            @Override
            public List<String> domains() {
                return List.of("gmail.example");
            }
        });
        Protected sealed = service.protect(HOSTILE.getBytes(StandardCharsets.UTF_8), "alice@contoso-bank.example",
                List.of(CAROL), RightsTemplate.DO_NOT_FORWARD, BrandingTemplate.defaults());
        String landing = "/portal/read/" + sealed.token();
        HttpVisitor carol = new HttpVisitor(server.uri());

        HttpResponse<String> first = carol.get(landing);
        assertThat(first.body()).contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt; sent you a protected message")
                .doesNotContain("<script>");
        carol.post(landing + "/passcode", Map.of("email", CAROL, "csrf", HttpVisitor.csrf(first)));
        assertThat(carol.post(landing + "/verify", Map.of("email", CAROL, "passcode", mailed.get(),
                "csrf", HttpVisitor.csrf(carol.get(landing)))).statusCode()).isEqualTo(303);
        String message = carol.get(landing + "/message").body();

        assertThat(message).doesNotContain("<script>", "<img src=\"https://tracker", "allow-scripts", "allow-same-origin")
                .contains("<h1 id=\"subject\">&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt;</h1>")
                .contains("<pre id=\"body\">Plain &lt;b&gt;text&lt;/b&gt; &amp; more</pre>")
                .contains(" sandbox referrerpolicy=\"no-referrer\" srcdoc=\"&lt;p&gt;Hi &quot;there&quot;&lt;/p&gt;&lt;script&gt;");
    }
}
