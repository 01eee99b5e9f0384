package org.envelopelab.service.portal;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.envelopelab.service.audit.AuditKind;
import org.envelopelab.service.branding.BrandingTemplate;
import org.envelopelab.service.message.Attachment;
import org.envelopelab.service.protection.ForwardedMessage;
import org.envelopelab.service.protection.Lab;
import org.envelopelab.service.protection.Letter;
import org.envelopelab.service.protection.Protected;
import org.envelopelab.service.protection.ProtectionService;
import org.envelopelab.service.protection.RightsException;
import org.envelopelab.service.rights.Right;
import org.envelopelab.service.rights.RightsTemplate;
import org.envelopelab.testkit.MovableClock;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.envelopelab.service.protection.Lab.ALICE;
import static org.envelopelab.service.protection.Lab.CAROL;

class PortalReadingTest {

    private static final byte[] PDF = "%PDF-1.4 statement".getBytes(StandardCharsets.US_ASCII);
    private static final String IVY = "ivy@gmail.example";

    private final MovableClock clock = new MovableClock(Lab.START);
    private final ProtectionService service = Lab.service(Lab.contoso(), clock);
    private final Outbox outbox = new Outbox();
    private final PortalApi portal = new PortalApi(service, outbox, outbox, outbox);
    private final byte[] original = Letter.statement().to("Carol Clark <carol@gmail.example>", "Erin Evans <erin@yahoo.example>")
            .attach("statement.pdf", PDF).bytes();

    @Test
    void aSignedInRecipientSeesTheMessageAndItsRights() {
        Protected result = protect(RightsTemplate.DO_NOT_FORWARD, Lab.branding());

        PortalView view = portal.open(signIn(result, CAROL).id());

        assertThat(view.subject()).isEqualTo("Your March card statement");
        assertThat(view.from()).isEqualTo("Alice Adams <alice@contoso-bank.example>");
        assertThat(view.sentAt()).isEqualTo(Instant.parse("2026-03-02T08:55:00Z"));
        assertThat(view.text()).contains(Letter.CARD_NUMBER);
        assertThat(view.attachments()).extracting(Attachment::name, Attachment::type)
                .containsExactly(tuple("statement.pdf", "application/pdf"));
        assertThat(view.rights()).containsExactly(Right.VIEW, Right.REPLY, Right.REPLY_ALL);
        assertThat(view.expires()).isNull();
        assertThat(service.audit().entriesOf(AuditKind.PORTAL_VIEWED)).singleElement()
                .satisfies(entry -> assertThat(entry.actor()).isEqualTo(CAROL));
        assertThat(service.audit().entriesOf(AuditKind.LICENSE_ISSUED)).singleElement()
                .satisfies(entry -> assertThat(entry.detail()).startsWith("portal, Do Not Forward"));
    }

    @Test
    void aSessionEndsAfterThirtyIdleMinutesAndEachUseRestartsThem() {
        Protected result = protect(RightsTemplate.ENCRYPT_ONLY, Lab.branding());
        String session = signIn(result, CAROL).id();

        clock.advance(Duration.ofMinutes(29));
        portal.open(session);
        clock.advance(Duration.ofMinutes(29));
        portal.open(session);
        clock.advance(Duration.ofMinutes(30));

        assertThatThrownBy(() -> portal.open(session))
                .isInstanceOfSatisfying(PortalException.class,
                        ended -> assertThat(ended.reason()).isEqualTo(PortalException.Reason.SESSION_ENDED))
                .hasMessage("Your session has ended. Request a new passcode to read the message again.");
        assertThatThrownBy(() -> portal.open("made-up-session")).isInstanceOf(PortalException.class);
    }

    @Test
    void aSessionWorksOnlyOnTheMessageLinkItWasStartedOn() {
        Protected first = protect(RightsTemplate.ENCRYPT_ONLY, Lab.branding());
        Protected second = service.protect(Letter.statement().messageId("<statement-2@contoso-bank.example>").bytes(), ALICE,
                List.of(CAROL, Lab.BOB), RightsTemplate.ENCRYPT_ONLY, Lab.branding());
        String session = signIn(first, CAROL).id();

        assertThat(portal.open(first.token(), session).subject()).isEqualTo("Your March card statement");
        // Carol is a recipient of both, yet the session she started on the first link does not open the second.
        assertThatThrownBy(() -> portal.open(second.token(), session))
                .isInstanceOfSatisfying(PortalException.class,
                        ended -> assertThat(ended.reason()).isEqualTo(PortalException.Reason.SESSION_ENDED));
        assertThatThrownBy(() -> portal.download(second.token(), session, 0)).isInstanceOf(PortalException.class);
        assertThatThrownBy(() -> portal.reply(second.token(), session, "?", false)).isInstanceOf(PortalException.class);
        assertThatThrownBy(() -> portal.forward(second.token(), session, List.of(IVY))).isInstanceOf(PortalException.class);
        assertThat(outbox.replies).isEmpty();
        assertThat(outbox.forwards).isEmpty();
    }

    @Test
    void aDownloadGivesTheFileAndIsAudited() {
        String session = signIn(protect(RightsTemplate.DO_NOT_FORWARD, Lab.branding()), CAROL).id();

        Attachment file = portal.download(session, 0);

        assertThat(file.bytes()).isEqualTo(PDF);
        assertThat(service.audit().entriesOf(AuditKind.ATTACHMENT_DOWNLOADED)).singleElement()
                .satisfies(entry -> assertThat(entry.detail()).isEqualTo("statement.pdf"));
        assertThatThrownBy(() -> portal.download(session, 1)).isInstanceOfSatisfying(PortalException.class,
                refused -> assertThat(refused.reason()).isEqualTo(PortalException.Reason.NO_SUCH_ATTACHMENT));
    }

    @Test
    void doNotForwardAllowsAReplyToTheSender() {
        Protected result = protect(RightsTemplate.DO_NOT_FORWARD, Lab.branding());

        Reply reply = portal.reply(signIn(result, CAROL).id(), "Thank you, I will pay by Friday.", false);

        assertThat(outbox.replies).containsExactly(new Outbox.Reply(CAROL, List.of(ALICE), "RE: Your March card statement",
                "Thank you, I will pay by Friday.", "<statement-1@contoso-bank.example>", "Do Not Forward"));
        assertThat(reply).as("the portal learns the reply's Message-ID, so its writer can follow it")
                .isEqualTo(new Reply("<reply.1@outbox.test>", List.of(ALICE)));
        assertThat(service.audit().entriesOf(AuditKind.REPLIED)).hasSize(1);
    }

    @Test
    void replyAllGoesToEveryoneOnTheOriginalButTheReplier() {
        portal.reply(signIn(protect(RightsTemplate.DO_NOT_FORWARD, Lab.branding()), CAROL).id(), "Noted.", true);

        assertThat(outbox.replies).singleElement().satisfies(reply -> assertThat(reply.to())
                .containsExactly(ALICE, Lab.ERIN, Lab.BOB));
    }

    @Test
    void aReplyIsRefusedWhenTheTemplateDoesNotGrantIt() {
        RightsTemplate viewOnly = new RightsTemplate("View Only", EnumSet.of(Right.VIEW));
        String session = signIn(protect(viewOnly, Lab.branding()), CAROL).id();

        assertThatThrownBy(() -> portal.reply(session, "Hello", false))
                .isInstanceOf(RightsException.class)
                .hasMessage("View Only: Carol Clark may not reply to this message");
        assertThatThrownBy(() -> portal.reply(session, "Hello", true))
                .hasMessage("View Only: Carol Clark may not reply all to this message");
        assertThat(outbox.replies).isEmpty();
        assertThat(service.audit().entriesOf(AuditKind.REPLY_REFUSED)).hasSize(2);
    }

    @Test
    void doNotForwardRefusesAForwardFromThePortal() {
        String session = signIn(protect(RightsTemplate.DO_NOT_FORWARD, Lab.branding()), CAROL).id();

        assertThatThrownBy(() -> portal.forward(session, List.of(IVY)))
                .isInstanceOf(RightsException.class)
                .hasMessage("Do Not Forward: Carol Clark may not forward this message");
        assertThat(outbox.forwards).isEmpty();
        assertThat(service.audit().entriesOf(AuditKind.FORWARD_REFUSED)).hasSize(1);
    }

    @Test
    void encryptOnlyForwardsFromThePortalMarkedForProtection() throws Exception {
        String session = signIn(protect(RightsTemplate.ENCRYPT_ONLY, Lab.branding()), CAROL).id();

        portal.forward(session, List.of(IVY));

        Outbox.Forward forward = outbox.forwards.get(0);
        assertThat(forward.from()).isEqualTo(CAROL);
        assertThat(forward.to()).containsExactly(IVY);
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(forward.mime()));
        assertThat(message.getHeader(ForwardedMessage.PROTECT_HEADER, null)).isEqualTo("Encrypt-Only");
        assertThat(message.getMessageID()).endsWith("@gmail.example>");
        assertThat(service.audit().entriesOf(AuditKind.FORWARDED)).hasSize(1);
    }

    @Test
    void revocationEndsPortalAccessEvenInAnOpenSession() {
        Protected result = protect(RightsTemplate.DO_NOT_FORWARD, Lab.branding());
        String session = signIn(result, CAROL).id();
        portal.open(session);

        service.revoke(result.messageId(), ALICE);

        assertThatThrownBy(() -> portal.open(session))
                .isInstanceOfSatisfying(PortalException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(PortalException.Reason.REVOKED))
                .hasMessage("This message has been revoked by the sender. If you still need it, ask Alice Adams to send it again.");
        assertThatThrownBy(() -> portal.download(session, 0)).hasMessageContaining("revoked");
        assertThatThrownBy(() -> portal.reply(session, "?", false)).hasMessageContaining("revoked");
    }

    @Test
    void anExpiredMessageIsRefusedInThePortal() {
        Protected result = protect(RightsTemplate.ENCRYPT_ONLY, Lab.expiringAfter(7));
        assertThat(portal.open(signIn(result, CAROL).id()).expires()).isEqualTo(Lab.START.plus(Duration.ofDays(7)));
        clock.advance(Duration.ofDays(7));

        // Expired: the link ends at the landing page, and no passcode is mailed any more.
        assertThatThrownBy(() -> portal.landing(result.token()))
                .isInstanceOfSatisfying(PortalException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(PortalException.Reason.EXPIRED))
                .hasMessage("This message expired on Monday 9 March 2026, 09:00 UTC. If you still need it, ask Alice Adams to"
                        + " send it again.");
        assertThatThrownBy(() -> signIn(result, CAROL)).hasMessageStartingWith("This message expired on Monday 9 March 2026");
    }

    @Test
    void theLandingPageShowsTheSenderAndBrandingOnly() {
        Protected result = protect(RightsTemplate.ENCRYPT_ONLY, Lab.branding());

        PortalLanding landing = portal.landing(result.token());

        assertThat(landing.senderName()).isEqualTo("Alice Adams");
        assertThat(landing.branding()).isEqualTo(Lab.branding());
    }

    @Test
    void signingOutEndsTheSessionOnItsOwnLinkOnly() {
        Protected result = protect(RightsTemplate.ENCRYPT_ONLY, Lab.branding());
        Protected other = service.protect(Letter.statement().messageId("<other@contoso-bank.example>").bytes(), ALICE,
                List.of(CAROL), RightsTemplate.ENCRYPT_ONLY, Lab.branding());
        String session = signIn(result, CAROL).id();

        portal.signOut(other.token(), session);
        assertThat(portal.open(result.token(), session).subject()).as("another link cannot end it").isNotBlank();
        portal.signOut(result.token(), session);
        portal.signOut(result.token(), session);

        assertThatThrownBy(() -> portal.open(result.token(), session)).isInstanceOfSatisfying(PortalException.class,
                refused -> assertThat(refused.reason()).isEqualTo(PortalException.Reason.SESSION_ENDED));
        assertThat(service.audit().entriesOf(AuditKind.SIGNED_OUT)).singleElement()
                .satisfies(entry -> assertThat(entry.actor()).isEqualTo(CAROL));
    }

    @Test
    void aGoneMessageStillHasItsBrandingForTheRefusalPageAndAWrongLinkHasNone() {
        BrandingTemplate branded = Lab.expiringAfter(1);
        Protected result = protect(RightsTemplate.ENCRYPT_ONLY, branded);
        clock.advance(Duration.ofDays(1));
        service.revoke(result.messageId(), ALICE);

        assertThat(portal.brandingOf(result.token())).contains(branded);
        assertThat(portal.brandingOf("no-such-token")).isEmpty();
        assertThat(portal.organization()).isEqualTo("Contoso Bank");
    }

    @Test
    void theFromLineShowsTheSendersNameAndAddressAsAPersonWritesThem() {
        byte[] fromDoctor = Letter.statement().from("\"Dr. Morgan Lee\" <alice@contoso-bank.example>").bytes();
        byte[] fromZoe = Letter.statement().from("Zoë Ångström <alice@contoso-bank.example>")
                .messageId("<zoe@contoso-bank.example>").bytes();

        PortalView doctor = portal.open(signIn(service.protect(fromDoctor, ALICE, List.of(CAROL), RightsTemplate.ENCRYPT_ONLY,
                Lab.branding()), CAROL).id());
        PortalView zoe = portal.open(signIn(service.protect(fromZoe, ALICE, List.of(CAROL), RightsTemplate.ENCRYPT_ONLY,
                Lab.branding()), CAROL).id());

        assertThat(doctor.from()).isEqualTo("Dr. Morgan Lee <alice@contoso-bank.example>");
        assertThat(zoe.from()).isEqualTo("Zoë Ångström <alice@contoso-bank.example>");
    }

    @Test
    void namesTheSenderChoseAreShownWithoutBidiOrControlCharacters() {
        byte[] disguised = Letter.statement().from("Alice Adams\u202E <alice@contoso-bank.example>")
                .attach("invoice\u202Efdp.exe", PDF).bytes();
        Protected result = service.protect(disguised, ALICE, List.of(CAROL), RightsTemplate.ENCRYPT_ONLY, Lab.branding());

        PortalSession session = signIn(result, CAROL);
        PortalView view = portal.open(session.id());

        assertThat(portal.landing(result.token()).senderName()).isEqualTo("Alice Adams");
        assertThat(view.from()).isEqualTo("Alice Adams <alice@contoso-bank.example>");
        assertThat(view.attachments()).extracting(Attachment::name).containsExactly("invoicefdp.exe");
        assertThat(portal.download(session.id(), 0).name()).isEqualTo("invoicefdp.exe");
    }

    private Protected protect(RightsTemplate template, BrandingTemplate branding) {
        return service.protect(original, ALICE, List.of(CAROL, Lab.ERIN, Lab.BOB), template, branding);
    }

    private PortalSession signIn(Protected result, String recipient) {
        portal.requestPasscode(result.token(), recipient, Runnable::run);
        SignIn signIn = portal.verify(result.token(), recipient, outbox.lastPasscode().passcode());
        return ((SignIn.Accepted) signIn).session();
    }
}
