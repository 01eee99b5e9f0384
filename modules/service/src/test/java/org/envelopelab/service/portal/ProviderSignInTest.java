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

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.envelopelab.service.protection.Lab.ALICE;
import static org.envelopelab.service.protection.Lab.BOB;
import static org.envelopelab.service.protection.Lab.CAROL;
import static org.envelopelab.service.protection.Lab.EVE;

/** Signing in with a consumer identity provider instead of a passcode: the same recipients, the same refusals. */
class ProviderSignInTest {

    /** The provider's answer to the password: the service asks only while the address is not locked out. */
    private static final BooleanSupplier VOUCHES = () -> true;
    private static final BooleanSupplier DOES_NOT_VOUCH = () -> false;
    private static final SignIn.Refused LOCKED = new SignIn.Refused(SignInRefusal.LOCKED,
            "Too many attempts with this address. Wait ten minutes, then try again.");

    private final MovableClock clock = new MovableClock(Lab.START);
    private final ProtectionService service = Lab.service(Lab.contoso(), clock);
    private final Outbox outbox = new Outbox();
    private final PortalApi portal = new PortalApi(service, outbox, outbox, outbox);
    private final byte[] original = Letter.statement().bytes();

    @Test
    void anOutsideRecipientTheProviderVouchedForGetsASessionForThatMessage() {
        Protected result = protect(Lab.branding());

        PortalSession session = session(portal.signInWithProvider(result.token(), " Carol@Gmail.example ", VOUCHES));

        assertThat(session.recipient()).isEqualTo(CAROL);
        assertThat(portal.open(result.token(), session.id()).text()).contains(Letter.CARD_NUMBER);
        assertThat(outbox.passcodes).isEmpty();
        assertThat(service.audit().entriesOf(AuditKind.SIGNED_IN_WITH_PROVIDER)).singleElement()
                .satisfies(entry -> assertThat(entry.actor()).isEqualTo(CAROL));
    }

    @Test
    void someoneTheMessageWasNotSentToIsRefusedAndAudited() {
        Protected result = protect(Lab.branding());

        assertThatThrownBy(() -> portal.signInWithProvider(result.token(), EVE, VOUCHES))
                .isInstanceOfSatisfying(PortalException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(PortalException.Reason.NOT_AUTHORIZED))
                .hasMessage("This message was not sent to eve@gmail.example. Sign in with the account it was sent to.");
        // An inside recipient reads inline, never in the portal.
        assertThatThrownBy(() -> portal.signInWithProvider(result.token(), BOB, VOUCHES)).isInstanceOf(PortalException.class);
        assertThat(service.audit().entriesOf(AuditKind.PROVIDER_SIGN_IN_REFUSED)).hasSize(2);
    }

    @Test
    void aBrandingWithoutSocialSignInRefusesEvenARecipient() {
        BrandingTemplate d = BrandingTemplate.defaults();
        BrandingTemplate passcodesOnly = new BrandingTemplate(d.name(), d.logo(), d.logoType(), d.backgroundColor(),
                d.emailText(), d.introductionText(), d.readButtonText(), d.disclaimerText(), d.portalText(), true, false,
                0, d.privacyStatementUrl());
        Protected result = protect(passcodesOnly);

        assertThatThrownBy(() -> portal.signInWithProvider(result.token(), CAROL, VOUCHES))
                .isInstanceOfSatisfying(PortalException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(PortalException.Reason.SOCIAL_SIGN_IN_OFF));
    }

    @Test
    void aRevokedMessageRefusesProviderSignInBeforeAnySession() {
        Protected result = protect(Lab.branding());
        service.revoke(result.messageId(), ALICE);

        assertThatThrownBy(() -> portal.signInWithProvider(result.token(), CAROL, VOUCHES))
                .isInstanceOfSatisfying(PortalException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(PortalException.Reason.REVOKED));
        assertThat(service.audit().entriesOf(AuditKind.SIGNED_IN_WITH_PROVIDER)).isEmpty();
    }

    @Test
    void fiveWrongPasswordsLockTheAddressAndEvenTheRightOneWaitsTenMinutes() {
        Protected result = protect(Lab.branding());

        for (int i = 1; i <= 4; i++) {
            assertThat(portal.signInWithProvider(result.token(), CAROL, DOES_NOT_VOUCH)).as("wrong password " + i)
                    .isEqualTo(new SignIn.Refused(SignInRefusal.WRONG, "That address and password do not belong together."));
        }
        SignIn fifth = portal.signInWithProvider(result.token(), CAROL, DOES_NOT_VOUCH);
        AtomicInteger asked = new AtomicInteger();
        SignIn rightWhileLocked = portal.signInWithProvider(result.token(), CAROL, () -> asked.incrementAndGet() > 0);

        assertThat(fifth).isEqualTo(LOCKED);
        assertThat(rightWhileLocked).isEqualTo(LOCKED);
        assertThat(asked).as("a locked address is not even put to the provider").hasValue(0);
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertThat(portal.signInWithProvider(result.token(), CAROL, VOUCHES)).isEqualTo(LOCKED);
        clock.advance(Duration.ofSeconds(1));
        assertThat(portal.signInWithProvider(result.token(), CAROL, VOUCHES).accepted()).isTrue();
        assertThat(service.audit().entriesOf(AuditKind.PROVIDER_SIGN_IN_REFUSED)).hasSize(7);
    }

    @Test
    void wrongPasswordsAndWrongPasscodesCountTogether() {
        Protected result = protect(Lab.branding());
        for (int i = 0; i < 3; i++) {
            portal.signInWithProvider(result.token(), CAROL, DOES_NOT_VOUCH);
        }
        portal.verify(result.token(), CAROL, "00000000");

        assertThat(portal.verify(result.token(), CAROL, "11111111").accepted()).isFalse();

        assertThat(portal.signInWithProvider(result.token(), CAROL, VOUCHES)).isEqualTo(LOCKED);
        assertThat(portal.requestPasscode(result.token(), CAROL, Runnable::run).locked()).isTrue();
        assertThat(outbox.passcodes).isEmpty();
    }

    @Test
    void aStrangerIsLockedOutAsARecipientIs() {
        Protected result = protect(Lab.branding());

        for (int i = 0; i < 5; i++) {
            portal.signInWithProvider(result.token(), EVE, DOES_NOT_VOUCH);
        }

        assertThat(portal.signInWithProvider(result.token(), EVE, VOUCHES)).isEqualTo(LOCKED);
    }

    private static PortalSession session(SignIn signIn) {
        assertThat(signIn).isInstanceOf(SignIn.Accepted.class);
        return ((SignIn.Accepted) signIn).session();
    }

    private Protected protect(BrandingTemplate branding) {
        return service.protect(original, ALICE, List.of(CAROL, BOB), RightsTemplate.ENCRYPT_ONLY, branding);
    }
}
