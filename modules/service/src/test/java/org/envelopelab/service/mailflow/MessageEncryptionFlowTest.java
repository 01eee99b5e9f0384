package org.envelopelab.service.mailflow;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.envelopelab.mailnet.Account;
import org.envelopelab.mailnet.MailClient;
import org.envelopelab.mailnet.MailWorld;
import org.envelopelab.mailnet.SiteKind;
import org.envelopelab.mailnet.SiteSpec;
import org.envelopelab.mailnet.StoredMail;
import org.envelopelab.routes.MailRoutes;
import org.envelopelab.routes.TransportSettings;
import org.envelopelab.transport.Envelope;
import org.envelopelab.routes.ledger.Disposition;
import org.envelopelab.service.audit.AuditKind;
import org.envelopelab.service.audit.AuditLog;
import org.envelopelab.service.branding.BrandingTemplates;
import org.envelopelab.service.protection.InlineReading;
import org.envelopelab.service.protection.ProtectionService;
import org.envelopelab.service.rights.RightsTemplate;
import org.envelopelab.service.rules.ApplyProtection;
import org.envelopelab.service.rules.ContainsSensitiveInfo;
import org.envelopelab.service.rules.FlowRule;
import org.envelopelab.service.rules.MailFacts;
import org.envelopelab.service.rules.RuleEngine;
import org.envelopelab.service.rules.TemplateCatalog;
import org.envelopelab.service.rules.Scope;
import org.envelopelab.service.rules.SentTo;
import org.envelopelab.service.rules.sensitive.SensitiveInfoType;
import org.envelopelab.service.tenant.Plan;
import org.envelopelab.service.tenant.Tenant;
import org.envelopelab.service.wrapper.WrapperMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The message encryption service inside the real transport: rules, protection, wrappers, journal, limits. */
class MessageEncryptionFlowTest {

    private static final String CARD = "4111 1111 1111 1111";
    private static final Duration SETTLE = Duration.ofSeconds(20);

    private MailWorld world;
    private MailRoutes routes;
    private ProtectionService protection;

    @BeforeEach
    void start() throws Exception {
        world = MailWorld.start(List.of(
                new SiteSpec("Contoso Bank", "contoso-bank.example", SiteKind.ORGANIZATION, List.of(
                        new Account("alice@contoso-bank.example", "Alice Adams", "pw"),
                        new Account("bob@contoso-bank.example", "Bob Brown", "pw"),
                        new Account("audit@contoso-bank.example", "Journal", "pw"))),
                new SiteSpec("Gmail", "gmail.example", SiteKind.GMAIL, List.of(
                        new Account("carol@gmail.example", "Carol Chen", "pw")))));
        routes = start(TransportSettings.defaults());
    }

    private MailRoutes start(TransportSettings settings) throws Exception {
        var clock = TransportSettings.fixedClock(Instant.parse("2026-03-02T09:00:00Z"));
        Tenant tenant = new Tenant("Contoso Bank", "contoso-bank.example",
                Set.of("alice@contoso-bank.example", "bob@contoso-bank.example", "audit@contoso-bank.example"), Map.of(),
                Plan.OFFICE_365_E5, Set.of());
        protection = new ProtectionService(tenant, clock, new SecureRandom(), new AuditLog(clock));
        FlowRule cards = new FlowRule("Protect card data sent outside",
                List.of(new SentTo(Scope.OUTSIDE), new ContainsSensitiveInfo(List.of(SensitiveInfoType.CREDIT_CARD_NUMBER), 1)),
                List.of(), List.of(new ApplyProtection(RightsTemplate.ENCRYPT_ONLY)), false);
        MessageEncryptionFlow flow = new MessageEncryptionFlow(protection, new RuleEngine(tenant), List.of(cards),
                new TemplateCatalog(List.of()), new BrandingTemplates(tenant), "audit@contoso-bank.example",
                URI.create("http://127.0.0.1:9/portal"));
        return MailRoutes.start(world, settings.withClock(clock), flow);
    }

    @AfterEach
    void stop() {
        routes.close();
        world.close();
    }

    @Test
    void cardDataOutsideIsProtectedInsideRecipientsGetTheProtectedMessageOutsideOnesAWrapper() throws Exception {
        String messageId = send("alice@contoso-bank.example", List.of("carol@gmail.example", "bob@contoso-bank.example"),
                "Your statement", "Card " + CARD + ", balance 120.00", null);
        assertThat(routes.awaitSettled(SETTLE)).isTrue();

        StoredMail atCarol = only("carol@gmail.example");
        assertThat(text(atCarol)).doesNotContain(CARD).doesNotContain("balance");
        assertThat(WrapperMessage.portalLink(atCarol.raw())).get().asString().startsWith("http://127.0.0.1:9/portal/read/");
        assertThat(atCarol.summary().attachments()).extracting(part -> part.fileName()).containsExactly("message.html");

        StoredMail atBob = only("bob@contoso-bank.example");
        assertThat(text(atBob)).doesNotContain(CARD).contains(MailFacts.PROTECTED_TYPE);
        InlineReading reading = protection.reader().read(atBob.raw(), "bob@contoso-bank.example");
        assertThat(new String(reading.original())).contains(CARD);

        StoredMail journal = only("audit@contoso-bank.example");
        assertThat(text(journal)).contains(CARD, MessageEncryptionFlow.JOURNAL_HEADER);

        var journey = routes.ledger().journey(messageId).orElseThrow();
        assertThat(journey.recipients(Disposition.DELIVERED)).containsExactlyInAnyOrder("carol@gmail.example", "bob@contoso-bank.example");
        assertThat(journey.relays()).allSatisfy(relay -> assertThat(new String(relay.content())).doesNotContain(CARD));
        assertThat(routes.ledger().totals(Envelope.Kind.JOURNAL).delivered()).isEqualTo(1);
        assertThat(protection.audit().entriesFor(messageId)).extracting(entry -> entry.kind())
                .contains(AuditKind.RULE_MATCHED, AuditKind.PROTECTED, AuditKind.COMPLIANCE_DECRYPTED);
    }

    @Test
    void mailWithoutCardDataLeavesAsItIs() throws Exception {
        send("alice@contoso-bank.example", List.of("carol@gmail.example"), "Your statement is ready", "No card details here.", null);
        assertThat(routes.awaitSettled(SETTLE)).isTrue();
        assertThat(text(only("carol@gmail.example"))).contains("No card details here.");
        assertThat(world.site("Contoso Bank").mailbox("audit@contoso-bank.example").inbox()).isEmpty();
    }

    @Test
    void aForwardOfEncryptOnlyMailIsProtectedAgainForItsNewRecipient() throws Exception {
        send("alice@contoso-bank.example", List.of("bob@contoso-bank.example"), "Internal: card " + CARD, "Card " + CARD, null);
        assertThat(routes.awaitSettled(SETTLE)).isTrue();
        // Inside only: the rule is for mail to outside, so Bob gets it as it was sent.
        StoredMail atBob = only("bob@contoso-bank.example");
        assertThat(text(atBob)).contains(CARD);

        send("alice@contoso-bank.example", List.of("bob@contoso-bank.example", "carol@gmail.example"), "Statement",
                "Card " + CARD, "<second@contoso-bank.example>");
        assertThat(routes.awaitSettled(SETTLE)).isTrue();
        StoredMail protectedCopy = world.site("Contoso Bank").mailbox("bob@contoso-bank.example").find("<second@contoso-bank.example>").orElseThrow();
        InlineReading reading = protection.reader().read(protectedCopy.raw(), "bob@contoso-bank.example");
        byte[] forward = protection.reader().forward(reading, List.of("carol@gmail.example"));
        try (MailClient bob = world.client("bob@contoso-bank.example")) {
            bob.submit(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(forward)),
                    List.of("carol@gmail.example"));
        }
        assertThat(routes.awaitSettled(SETTLE)).isTrue();

        List<StoredMail> atCarol = world.site("Gmail").mailbox("carol@gmail.example").inbox();
        assertThat(atCarol).hasSize(2).allSatisfy(mail -> {
            assertThat(text(mail)).doesNotContain(CARD);
            assertThat(WrapperMessage.portalLink(mail.raw())).isPresent();
        });
    }

    @Test
    void overTheSizeLimitMailBouncesAndNothingLeavesInTheClear() throws Exception {
        routes.close();
        routes = start(TransportSettings.defaults().withMaxMessageBytes(8 * 1024));
        send("alice@contoso-bank.example", List.of("carol@gmail.example"), "Big",
                "Card " + CARD + "\n" + "y ".repeat(5 * 1024), "<too-big@contoso-bank.example>");
        // Under the limit as written; the protected copy for Bob grows past it (base64), Carol's wrapper does not.
        send("alice@contoso-bank.example", List.of("carol@gmail.example", "bob@contoso-bank.example"), "Grows",
                "Card " + CARD + "\n" + "z ".repeat(3 * 1024), "<grows@contoso-bank.example>");
        assertThat(routes.awaitSettled(SETTLE)).isTrue();

        assertThat(routes.ledger().journey("<too-big@contoso-bank.example>").orElseThrow().outcomes().get("carol@gmail.example").detail())
                .startsWith("552 5.3.4");
        var grows = routes.ledger().journey("<grows@contoso-bank.example>").orElseThrow();
        assertThat(grows.recipients(Disposition.BOUNCED)).containsExactly("bob@contoso-bank.example");
        assertThat(grows.recipients(Disposition.DELIVERED)).containsExactly("carol@gmail.example");
        assertThat(world.site("Gmail").mailbox("carol@gmail.example").inbox())
                .singleElement().satisfies(mail -> assertThat(WrapperMessage.portalLink(mail.raw())).isPresent());
        assertThat(world.site("Contoso Bank").mailbox("alice@contoso-bank.example").inbox())
                .extracting(mail -> mail.summary().subject())
                .containsExactlyInAnyOrder("Undeliverable: Big", "Undeliverable: Grows");
    }

    /** Submits a plain message with the sender's own mail client, as any client does; returns its Message-ID. */
    private String send(String from, List<String> to, String subject, String text, String messageId) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                if (messageId != null) {
                    setHeader("Message-ID", messageId);
                } else {
                    super.updateMessageID();
                }
            }
        };
        message.setFrom(new jakarta.mail.internet.InternetAddress(from));
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, String.join(",", to));
        message.setSubject(subject);
        message.setText(text, "UTF-8");
        message.saveChanges();
        try (MailClient client = world.client(from)) {
            client.submit(message);
        }
        return message.getMessageID();
    }

    private StoredMail only(String address) {
        List<StoredMail> inbox = world.directory().siteFor(address).orElseThrow().mailbox(address).inbox();
        assertThat(inbox).hasSize(1);
        return inbox.get(0);
    }

    private static String text(StoredMail mail) {
        return new String(mail.raw(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
