package org.envelopelab.service.protection;

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

class ExpiryTest {

    private final MovableClock clock = new MovableClock(Lab.START);
    private final ProtectionService service = Lab.service(Lab.contoso(), clock);
    private final byte[] original = Letter.statement().bytes();

    @Test
    void theBrandingTemplatesExpiryDatesOutsideAccess() {
        Protected result = service.protect(original, ALICE, STATEMENT_RECIPIENTS, RightsTemplate.ENCRYPT_ONLY, Lab.expiringAfter(30));

        assertThat(result.expires()).isEqualTo(Lab.START.plus(Duration.ofDays(30)));
        assertThat(ProtectedMessage.read(result.protectedMime()).policy().expires()).isEqualTo(result.expires());
    }

    @Test
    void thePortalRefusesFromTheMomentOfExpiry() {
        Protected result = service.protect(original, ALICE, STATEMENT_RECIPIENTS, RightsTemplate.ENCRYPT_ONLY, Lab.expiringAfter(30));

        clock.advance(Duration.ofDays(30).minusSeconds(1));
        assertThat(service.licenseForPortal(result.token(), CAROL).reader()).isEqualTo(CAROL);
        clock.advance(Duration.ofSeconds(1));

        assertThatThrownBy(() -> service.licenseForPortal(result.token(), CAROL))
                .isInstanceOfSatisfying(LicenseRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(LicenseRefusal.EXPIRED))
                .hasMessage("This message expired on Wednesday 1 April 2026, 09:00 UTC.");
    }

    @Test
    void expiryIsForOutsideRecipientsInsideReadersStillRead() {
        Protected result = service.protect(original, ALICE, STATEMENT_RECIPIENTS, RightsTemplate.ENCRYPT_ONLY, Lab.expiringAfter(1));
        clock.advance(Duration.ofDays(2));

        assertThat(service.open(result.protectedMime(), service.license(result.protectedMime(), BOB))).isEqualTo(original);
    }

    @Test
    void withoutExpiryInTheBrandingMailNeverExpires() {
        Protected result = service.protect(original, ALICE, STATEMENT_RECIPIENTS, RightsTemplate.ENCRYPT_ONLY, Lab.branding());
        clock.advance(Duration.ofDays(3650));

        assertThat(result.expires()).isNull();
        assertThat(service.licenseForPortal(result.token(), CAROL).reader()).isEqualTo(CAROL);
    }

    @Test
    void expiryNeedsAPlanThatIncludesIt() {
        ProtectionService e3 = Lab.service(Lab.contoso(Plan.OFFICE_365_E3), clock);

        assertThatThrownBy(() -> e3.protect(original, ALICE, STATEMENT_RECIPIENTS, RightsTemplate.ENCRYPT_ONLY, Lab.expiringAfter(30)))
                .isInstanceOf(PlanException.class)
                .hasMessageStartingWith("Expiry of mail to outside recipients needs an E5 plan");
    }
}
