package org.envelopelab.service.portal;

import org.envelopelab.service.audit.AuditEntry;
import org.envelopelab.service.audit.AuditKind;
import org.envelopelab.service.audit.AuditLog;
import org.envelopelab.service.branding.BrandingTemplate;
import org.envelopelab.service.protection.InlineReading;
import org.envelopelab.service.protection.Lab;
import org.envelopelab.service.protection.Letter;
import org.envelopelab.service.protection.Protected;
import org.envelopelab.service.protection.ProtectedReader;
import org.envelopelab.service.protection.ProtectionService;
import org.envelopelab.service.rights.RightsTemplate;
import org.envelopelab.service.tenant.AddOn;
import org.envelopelab.service.tenant.Plan;
import org.envelopelab.service.tenant.Tenant;
import org.envelopelab.service.wrapper.WrapperMessage;
import org.envelopelab.testkit.MovableClock;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The clinic scenario at API level: test results under Do Not Forward. Gina reads hers in the
 * portal and cannot forward it; Nurse Kim reads inline and cannot forward it either; Hugo's message
 * is revoked — his portal says so, but Kim's inline copy stays readable.
 */
class ClinicStoryTest {

    private static final String LEE = "lee@northwind-clinic.example";
    private static final String KIM = "kim@northwind-clinic.example";
    private static final String GINA = "gina@gmail.example";
    private static final String HUGO = "hugo@yahoo.example";
    private static final String IVY = "ivy@gmail.example";

    private final MovableClock clock = new MovableClock(Lab.START);
    private final Tenant clinic = new Tenant("Northwind Clinic", "northwind-clinic.example", Set.of(LEE, KIM), Map.of(),
            Plan.MICROSOFT_365_E5, Set.<AddOn>of());
    private final ProtectionService service = new ProtectionService(clinic, clock, Lab.repeatableRandom(), new AuditLog(clock));
    private final Outbox outbox = new Outbox();
    private final PortalApi portal = new PortalApi(service, outbox, outbox, outbox);
    private final ProtectedReader kimsClient = service.reader();
    private final BrandingTemplate branding = new BrandingTemplate("Northwind Clinic", null, null, "#008080", "",
            "has sent you your results through Northwind Clinic's secure mail.", "Open your results",
            "This message is for the named patient only.", "Northwind Clinic patient messages", true, true, 30, "");

    @Test
    void testResultsUnderDoNotForward() {
        byte[] ginaResults = Letter.statement().from("Dr. Morgan Lee <" + LEE + ">").to("Gina Garcia <" + GINA + ">")
                .cc("Nurse Sam Kim <" + KIM + ">").subject("Your test results").messageId("<gina-results@northwind-clinic.example>")
                .text("Dear Gina, your test results are in: HbA1c 5.4%, cholesterol 4.1 mmol/L.").bytes();
        byte[] hugoResults = Letter.statement().from("Dr. Morgan Lee <" + LEE + ">").to("Hugo Hall <" + HUGO + ">")
                .cc("Nurse Sam Kim <" + KIM + ">").subject("Your test results").messageId("<hugo-results@northwind-clinic.example>")
                .text("Dear Hugo, the biopsy shows no malignancy; the diagnosis is a benign cyst.").bytes();
        Protected gina = service.protect(ginaResults, LEE, List.of(GINA, KIM), RightsTemplate.DO_NOT_FORWARD, branding);
        Protected hugo = service.protect(hugoResults, LEE, List.of(HUGO, KIM), RightsTemplate.DO_NOT_FORWARD, branding);

        // Gina's mailbox holds a wrapper: a link, an expiry date, none of her results.
        byte[] ginasWrapper = WrapperMessage.build(ginaResults, gina, branding, URI.create("https://portal.northwind-clinic.example"));
        assertThat(new String(ginasWrapper, StandardCharsets.UTF_8)).doesNotContain("HbA1c").contains("Open your results")
                .contains("This message expires on Wednesday 1 April 2026");
        String token = WrapperMessage.portalLink(ginasWrapper).orElseThrow().getPath().substring("/read/".length());

        // She asks for a passcode, which reaches the same mailbox, and signs in with it.
        portal.requestPasscode(token, GINA, Runnable::run);
        clock.advance(Duration.ofMinutes(2));
        SignIn signIn = portal.verify(token, GINA, outbox.lastPasscode().passcode());
        String session = ((SignIn.Accepted) signIn).session().id();
        assertThat(portal.open(session).text()).contains("HbA1c 5.4%");
        assertThatThrownBy(() -> portal.forward(session, List.of(IVY))).hasMessage("Do Not Forward: Gina Garcia may not forward this message");

        // Nurse Kim reads inline in the clinic's own mail client, and cannot forward either.
        InlineReading kims = kimsClient.read(gina.protectedMime(), KIM);
        assertThat(new String(kims.original(), StandardCharsets.UTF_8)).contains("HbA1c 5.4%");
        assertThatThrownBy(() -> kimsClient.forward(kims, List.of(IVY))).hasMessage("Do Not Forward: Nurse Sam Kim may not forward this message");

        // Hugo's message went out with the wrong attachment: Dr. Lee revokes it.
        InlineReading kimsCopyOfHugos = kimsClient.read(hugo.protectedMime(), KIM);
        portal.requestPasscode(hugo.token(), HUGO, Runnable::run);
        String hugosSession = ((SignIn.Accepted) portal.verify(hugo.token(), HUGO, outbox.lastPasscode().passcode())).session().id();
        service.revoke(hugo.messageId(), LEE);
        assertThatThrownBy(() -> portal.open(hugosSession)).hasMessage("This message has been revoked by the sender."
                + " If you still need it, ask Dr. Morgan Lee to send it again.");
        // What Kim already read inline cannot be pulled back, and her client is still licensed.
        assertThat(new String(kimsCopyOfHugos.original(), StandardCharsets.UTF_8)).contains("benign cyst");
        assertThat(kimsClient.read(hugo.protectedMime(), KIM).original()).isEqualTo(hugoResults);

        assertThat(service.audit().entriesFor(gina.messageId())).extracting(AuditEntry::kind).containsExactly(
                AuditKind.PROTECTED, AuditKind.PASSCODE_SENT, AuditKind.PASSCODE_VERIFIED, AuditKind.LICENSE_ISSUED,
                AuditKind.PORTAL_VIEWED, AuditKind.LICENSE_ISSUED, AuditKind.FORWARD_REFUSED, AuditKind.LICENSE_ISSUED,
                AuditKind.FORWARD_REFUSED);
        assertThat(service.audit().entriesFor(hugo.messageId())).extracting(AuditEntry::kind).contains(
                AuditKind.REVOKED, AuditKind.LICENSE_REFUSED);
    }
}
