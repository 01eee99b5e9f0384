package org.envelopelab.service.protection;

import org.envelopelab.service.audit.AuditKind;
import org.envelopelab.service.rights.RightsTemplate;
import org.envelopelab.service.tenant.Plan;
import org.envelopelab.service.tenant.PlanException;
import org.envelopelab.testkit.MovableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.envelopelab.service.protection.Lab.ALICE;
import static org.envelopelab.service.protection.Lab.BOB;
import static org.envelopelab.service.protection.Lab.CAROL;
import static org.envelopelab.service.protection.Lab.STATEMENT_RECIPIENTS;

class RevocationTest {

    private final MovableClock clock = new MovableClock(Lab.START);
    private final ProtectionService service = Lab.service(Lab.contoso(), clock);
    private final Protected result = service.protect(Letter.statement().bytes(), ALICE, STATEMENT_RECIPIENTS,
            RightsTemplate.DO_NOT_FORWARD, Lab.branding());

    @Test
    void aRevokedMessageIsRefusedToThePortalAtOnce() {
        service.licenseForPortal(result.token(), CAROL);

        service.revoke(result.messageId(), ALICE);

        assertThatThrownBy(() -> service.licenseForPortal(result.token(), CAROL))
                .isInstanceOfSatisfying(LicenseRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(LicenseRefusal.REVOKED))
                .hasMessage("This message has been revoked by the sender.");
    }

    @Test
    void insideReadersAreStillLicensedBecauseInlineCopiesCannotBeRevoked() {
        service.revoke(result.messageId(), ALICE);

        assertThat(service.license(result.protectedMime(), BOB).messageId()).isEqualTo(result.messageId());
        assertThat(service.license(result.messageId(), BOB).reader()).isEqualTo(BOB);
    }

    @Test
    void anAdministratorMayRevokeSomeoneElsesMessage() {
        service.revoke(result.messageId(), Lab.DANA);

        assertThat(service.revocation(result.messageId())).hasValue(new Revocation(Lab.DANA, Lab.START));
    }

    @Test
    void aRecipientMayNotRevoke() {
        assertThatThrownBy(() -> service.revoke(result.messageId(), BOB))
                .isInstanceOf(ProtectionException.class)
                .hasMessage("bob@contoso-bank.example may not revoke <statement-1@contoso-bank.example>: only its sender"
                        + " (alice@contoso-bank.example) or an administrator may");
        assertThat(service.revocation(result.messageId())).isEmpty();
        assertThat(service.audit().entriesOf(AuditKind.REVOCATION_REFUSED)).hasSize(1);
    }

    @Test
    void aPlanWithoutRevocationCannotRevoke() {
        ProtectionService e3 = Lab.service(Lab.contoso(Plan.OFFICE_365_E3), clock);
        Protected onE3 = e3.protect(Letter.statement().bytes(), ALICE, STATEMENT_RECIPIENTS, RightsTemplate.DO_NOT_FORWARD,
                Lab.branding());

        assertThatThrownBy(() -> e3.revoke(onE3.messageId(), ALICE))
                .isInstanceOf(PlanException.class)
                .hasMessageStartingWith("Revoking messages needs an E5 plan");
        assertThat(e3.licenseForPortal(onE3.token(), CAROL).reader()).isEqualTo(CAROL);
    }

    @Test
    void revocationIsAuditedWithWhoAndWhen() {
        clock.advance(Duration.ofHours(2));

        service.revoke(result.messageId(), ALICE);

        assertThat(service.audit().entriesOf(AuditKind.REVOKED)).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo(ALICE);
            assertThat(entry.messageId()).isEqualTo(result.messageId());
            assertThat(entry.at()).isEqualTo(Lab.START.plus(Duration.ofHours(2)));
        });
    }

    @Test
    void anUnknownMessageCannotBeRevoked() {
        assertThatThrownBy(() -> service.revoke("<nothing@contoso-bank.example>", ALICE))
                .hasMessage("the service protected no message <nothing@contoso-bank.example>, so there is nothing to revoke");
    }
}
