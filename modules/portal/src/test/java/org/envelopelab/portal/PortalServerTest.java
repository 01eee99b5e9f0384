package org.envelopelab.portal;

import org.envelopelab.service.branding.BrandingTemplate;
import org.envelopelab.service.protection.Protected;
import org.envelopelab.service.rights.RightsTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server on its own, with the service in memory: start-up, binding, and what reaches the page of a hostile message. */
class PortalServerTest {

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

    private MemoryPortal portal;

    @AfterEach
    void stop() {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void theAddressIsBoundBeforeThePortalExistsAndThePortalAnswersOnIt() throws Exception {
        PortalAddress address = PortalAddress.reserve("127.0.0.1", 0);
        try (ServerSocket squatter = new ServerSocket()) {
            // Nobody can take the port between the reservation and the start: it is already bound.
            assertThatThrownBy(() -> squatter.bind(new InetSocketAddress("127.0.0.1", address.uri().getPort())))
                    .isInstanceOf(IOException.class);
        }
        portal = new MemoryPortal(address);

        assertThat(portal.server.uri()).isEqualTo(address.uri());
        assertThat(portal.visitor().get("/portal").statusCode()).isEqualTo(200);
    }

    @Test
    void listensOn127001Only() {
        PortalAddress address = PortalAddress.reserve("127.0.0.1", 0);
        address.close();

        assertThat(address.uri().getHost()).isEqualTo("127.0.0.1");
        assertThat(address.uri().getPort()).isPositive();
        assertThat(address.uri().getPath()).isEqualTo("/portal");
        assertThatThrownBy(() -> PortalAddress.reserve("0.0.0.0", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("127.0.0.1 only");
        assertThatThrownBy(() -> PortalAddress.reserve("localhost", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePortalsOwnAddressTellsAVisitorHowToReachAMessage() throws Exception {
        portal = new MemoryPortal();
        HttpVisitor visitor = portal.visitor();

        for (String path : List.of("/portal", "/portal/")) {
            HttpResponse<String> home = visitor.get(path);
            assertThat(home.statusCode()).as(path).isEqualTo(200);
            assertThat(home.body()).as(path).contains("open the link in the mail that told you about it")
                    .doesNotContain("Link not found");
        }
    }

    @Test
    void aHostileSendersScriptsShowAsTextAndItsHtmlStaysInAScriptlessSandbox() throws Exception {
        portal = new MemoryPortal();
        Protected sealed = portal.protect(HOSTILE, RightsTemplate.DO_NOT_FORWARD, BrandingTemplate.defaults());
        String landing = "/portal/read/" + sealed.token();

        HttpResponse<String> first = portal.visitor().get(landing);
        assertThat(first.body()).contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt; sent you a protected message")
                .doesNotContain("<script>");
        String message = portal.signedIn(sealed.token()).get(landing + "/message").body();

        assertThat(message).doesNotContain("<script>", "<img src=\"https://tracker", "allow-scripts", "allow-same-origin")
                .contains("<h1 id=\"subject\">&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt;</h1>")
                .contains("<pre id=\"body\">Plain &lt;b&gt;text&lt;/b&gt; &amp; more</pre>")
                .contains(" sandbox referrerpolicy=\"no-referrer\" srcdoc=\"&lt;p&gt;Hi &quot;there&quot;&lt;/p&gt;&lt;script&gt;");
    }
}
