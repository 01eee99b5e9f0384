package org.envelopelab.service.portal;

import org.envelopelab.service.audit.AuditKind;
import org.envelopelab.service.branding.BrandingTemplate;
import org.envelopelab.service.protection.Lab;
import org.envelopelab.service.protection.Letter;
import org.envelopelab.service.protection.Protected;
import org.envelopelab.service.protection.ProtectionService;
import org.envelopelab.service.rights.RightsTemplate;
import org.envelopelab.testkit.MovableClock;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.envelopelab.service.protection.Lab.ALICE;
import static org.envelopelab.service.protection.Lab.BOB;
import static org.envelopelab.service.protection.Lab.CAROL;
import static org.envelopelab.service.protection.Lab.EVE;

/** Signing in with a consumer identity provider instead of a passcode: the same recipients, the same refusals. */
class ProviderSignInTest {

    private final MovableClock clock = new MovableClock(Lab.START);
    private final ProtectionService service = Lab.service(Lab.contoso(), clock);
    private final Outbox outbox = new Outbox();
    private final PortalApi portal = new PortalApi(service, outbox, outbox, outbox);
    private final byte[] original = Letter.statement().bytes();

    @Test
    void anOutsideRecipientTheProviderVouchedForGetsASessionForThatMessage() {
        Protected result = protect(Lab.branding());

        PortalSession session = portal.signInWithProvider(result.token(), " Carol@Gmail.example ");

        assertThat(session.recipient()).isEqualTo(CAROL);
        assertThat(portal.open(result.token(), session.id()).text()).contains(Letter.CARD_NUMBER);
        assertThat(outbox.passcodes).isEmpty();
        assertThat(service.audit().entriesOf(AuditKind.SIGNED_IN_WITH_PROVIDER)).singleElement()
                .satisfies(entry -> assertThat(entry.actor()).isEqualTo(CAROL));
    }

    @Test
    void someoneTheMessageWasNotSentToIsRefusedAndAudited() {
        Protected result = protect(Lab.branding());

        assertThatThrownBy(() -> portal.signInWithProvider(result.token(), EVE))
                .isInstanceOfSatisfying(PortalException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(PortalException.Reason.NOT_AUTHORIZED))
                .hasMessage("This message was not sent to eve@gmail.example. Sign in with the account it was sent to.");
        // An inside recipient reads inline, never in the portal.
        assertThatThrownBy(() -> portal.signInWithProvider(result.token(), BOB)).isInstanceOf(PortalException.class);
        assertThat(service.audit().entriesOf(AuditKind.PROVIDER_SIGN_IN_REFUSED)).hasSize(2);
    }

    @Test
    void aBrandingWithoutSocialSignInRefusesEvenARecipient() {
        BrandingTemplate d = BrandingTemplate.defaults();
        BrandingTemplate passcodesOnly = new BrandingTemplate(d.name(), d.logo(), d.logoType(), d.backgroundColor(),
                d.emailText(), d.introductionText(), d.readButtonText(), d.disclaimerText(), d.portalText(), true, false,
                0, d.privacyStatementUrl());
        Protected result = protect(passcodesOnly);

        assertThatThrownBy(() -> portal.signInWithProvider(result.token(), CAROL))
                .isInstanceOfSatisfying(PortalException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(PortalException.Reason.SOCIAL_SIGN_IN_OFF));
    }

    @Test
    void aRevokedMessageRefusesProviderSignInBeforeAnySession() {
        Protected result = protect(Lab.branding());
        service.revoke(result.messageId(), ALICE);

        assertThatThrownBy(() -> portal.signInWithProvider(result.token(), CAROL))
                .isInstanceOfSatisfying(PortalException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(PortalException.Reason.REVOKED));
        assertThat(service.audit().entriesOf(AuditKind.SIGNED_IN_WITH_PROVIDER)).isEmpty();
    }

    private Protected protect(BrandingTemplate branding) {
        return service.protect(original, ALICE, List.of(CAROL, BOB), RightsTemplate.ENCRYPT_ONLY, branding);
    }
}
