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

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal attached to Contoso Bank's service held in memory — no mail servers, no transport:
 * for tests of what the server itself answers. Passcodes land in a queue, after the portal has
 * answered, as they would in a mailbox.
 */
final class MemoryPortal implements AutoCloseable {

    static final String ALICE = "alice@contoso-bank.example";
    static final String CAROL = "carol@gmail.example";

    final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T09:00:00Z"));
    final ProtectionService service;
    final PortalServer server;
    private final BlockingQueue<String> mailed = new LinkedBlockingQueue<>();

    MemoryPortal() {
        this(PortalAddress.reserve("127.0.0.1", 0));
    }

    MemoryPortal(PortalAddress address) {
        Tenant tenant = new Tenant("Contoso Bank", "contoso-bank.example", Set.of(ALICE), Map.of(), Plan.OFFICE_365_E5, Set.of());
        service = new ProtectionService(tenant, clock, new SecureRandom(), new AuditLog(clock));
        PortalApi api = new PortalApi(service, (to, reference, passcode, branding, sender, expires) -> mailed.add(passcode),
                (from, to, subject, text, inReplyTo, template) -> "<reply@memory.test>", (from, to, mime, template) -> { });
        server = PortalServer.start(address, clock, new SecureRandom(), api, new IdentityProvider() {
            @Override
            public boolean signIn(String address, String password) {
                return false;
            }

            @Override
            public List<String> domains() {
                return List.of("gmail.example");
            }
        });
    }

    /** Alice's message, as written, protected for Carol. */
    Protected protect(String mime, RightsTemplate template, BrandingTemplate branding) {
        return service.protect(mime.getBytes(StandardCharsets.UTF_8), ALICE, List.of(CAROL), template, branding);
    }

    HttpVisitor visitor() {
        return new HttpVisitor(server.uri());
    }

    /** A visitor Carol has signed in with a passcode on this message's link. */
    HttpVisitor signedIn(String token) throws Exception {
        HttpVisitor carol = visitor();
        String landing = "/portal/read/" + token;
        carol.post(landing + "/passcode", Map.of("email", CAROL, "csrf", HttpVisitor.csrf(carol.get(landing))));
        String passcode = mailed.poll(10, TimeUnit.SECONDS);
        assertThat(carol.post(landing + "/verify", Map.of("email", CAROL, "passcode", String.valueOf(passcode),
                "csrf", HttpVisitor.csrf(carol.get(landing)))).statusCode()).as("Carol signs in").isEqualTo(303);
        return carol;
    }

    @Override
    public void close() {
        server.close();
    }
}
