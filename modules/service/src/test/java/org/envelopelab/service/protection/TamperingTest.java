package org.envelopelab.service.protection;

import org.envelopelab.service.rights.Right;
import org.envelopelab.service.rights.RightsTemplate;
import org.envelopelab.testkit.MovableClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.envelopelab.service.protection.Lab.ALICE;
import static org.envelopelab.service.protection.Lab.BOB;
import static org.envelopelab.service.protection.Lab.EVE;
import static org.envelopelab.service.protection.Lab.STATEMENT_RECIPIENTS;

class TamperingTest {

    private final MovableClock clock = new MovableClock(Lab.START);
    private final ProtectionService service = Lab.service(Lab.contoso(), clock);
    private final byte[] original = Letter.statement().bytes();
    private final Protected result = service.protect(original, ALICE, STATEMENT_RECIPIENTS, RightsTemplate.DO_NOT_FORWARD,
            Lab.branding());

    @Test
    void changedCiphertextIsRefusedWhenOpenedNotWhenLicensed() throws Exception {
        byte[] tampered = Forgery.flipCiphertextBit(result.protectedMime());

        // A license rests on the policy, which is genuine: the service does not read the content for it.
        UseLicense license = service.license(tampered, BOB);
        assertThatThrownBy(() -> service.open(tampered, license))
                .isInstanceOf(ProtectionException.class)
                .hasMessageStartingWith("the authentication tag does not match");
        // What reads the content checks it before anything else.
        assertThatThrownBy(() -> service.decryptForCompliance(tampered))
                .hasMessageContaining("policy MAC of <statement-1@contoso-bank.example> does not match");
        assertThat(service.isProtectedByThisTenant(tampered)).isFalse();
    }

    @Test
    void aMessageTheServiceDoesNotRememberSealingIsCheckedWhole() throws Exception {
        // The same tenant's service with the same keys (the lab's repeatable randomness), but not the one that sealed it.
        ProtectionService restarted = Lab.service(Lab.contoso(), clock);
        byte[] tampered = Forgery.flipCiphertextBit(result.protectedMime());

        assertThat(restarted.license(result.protectedMime(), BOB).messageId()).isEqualTo(result.messageId());
        assertThatThrownBy(() -> restarted.license(tampered, BOB))
                .isInstanceOfSatisfying(LicenseRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(LicenseRefusal.NOT_VERIFIED))
                .hasMessageContaining("policy MAC of <statement-1@contoso-bank.example> does not match");
    }

    @Test
    void changedCiphertextFailsTheGcmTagEvenForAReaderWhoHoldsALicense() throws Exception {
        UseLicense license = service.license(result.protectedMime(), BOB);
        byte[] tampered = Forgery.flipCiphertextBit(result.protectedMime());

        assertThatThrownBy(() -> service.open(tampered, license))
                .isInstanceOf(ProtectionException.class)
                .hasMessageStartingWith("the authentication tag does not match");
    }

    @Test
    void aReaderCanWidenThePolicyPastGcmButNotPastTheServicesMac() throws Exception {
        UseLicense bobs = service.license(result.protectedMime(), BOB);
        Policy genuine = ProtectedMessage.read(result.protectedMime()).policy();
        Set<Right> widened = EnumSet.copyOf(genuine.rights());
        widened.add(Right.FORWARD);
        List<String> recipients = new ArrayList<>(genuine.recipients());
        recipients.add(EVE);
        Policy forgedPolicy = new Policy(genuine.tenantDomain(), genuine.messageId(), genuine.sender(), recipients,
                "Encrypt-Only", widened, genuine.issued(), genuine.expires(), genuine.keyId());

        byte[] forged = Forgery.reEncrypt(result.protectedMime(), forgedPolicy, original, bobs.contentKey());

        // GCM is satisfied: Bob holds the content key, so his tag is as good as the sender's.
        assertThat(Forgery.decrypt(forged, bobs.contentKey())).isEqualTo(original);
        assertThat(ProtectedMessage.read(forged).policy().rights()).contains(Right.FORWARD);
        // The policy MAC is not: its key never leaves the service.
        assertThatThrownBy(() -> service.license(forged, BOB)).isInstanceOf(LicenseRefusedException.class)
                .hasMessageContaining("policy MAC");
        assertThatThrownBy(() -> service.license(forged, EVE)).isInstanceOf(LicenseRefusedException.class);
        assertThat(service.isProtectedByThisTenant(forged)).isFalse();
        assertThat(service.isProtectedByThisTenant(result.protectedMime())).isTrue();
        // Nor will the service open it, not even for Bob: it checks the MAC over the content it decrypts.
        assertThatThrownBy(() -> service.open(forged, bobs)).hasMessageContaining("policy MAC");
    }

    @Test
    void aReaderCannotSwapOtherContentInUnderTheSendersPolicy() throws Exception {
        UseLicense bobs = service.license(result.protectedMime(), BOB);
        byte[] otherContent = Letter.statement().text("Please pay the balance to account 99-1234 at once.").bytes();

        byte[] forged = Forgery.reEncrypt(result.protectedMime(), ProtectedMessage.read(result.protectedMime()).policy(),
                otherContent, bobs.contentKey());

        assertThat(new String(Forgery.decrypt(forged, bobs.contentKey()), StandardCharsets.UTF_8)).contains("99-1234");
        assertThatThrownBy(() -> service.license(forged, BOB)).hasMessageContaining("policy MAC");
        assertThatThrownBy(() -> service.open(forged, bobs)).hasMessageContaining("policy MAC");
        assertThatThrownBy(() -> service.decryptForCompliance(forged)).hasMessageContaining("policy MAC");
    }

    @Test
    void aChangedPolicyMacGetsNoLicense() throws Exception {
        byte[] tampered = Forgery.changePolicyMac(result.protectedMime());

        assertThatThrownBy(() -> service.license(tampered, BOB)).hasMessageContaining("policy MAC");
    }

    @Test
    void aLicenseForOneMessageDoesNotOpenAnother() {
        UseLicense license = service.license(result.protectedMime(), BOB);
        Protected other = service.protect(Letter.statement().messageId("<statement-2@contoso-bank.example>").bytes(), ALICE,
                STATEMENT_RECIPIENTS, RightsTemplate.DO_NOT_FORWARD, Lab.branding());

        assertThatThrownBy(() -> service.open(other.protectedMime(), license))
                .hasMessage("the license is for <statement-1@contoso-bank.example>, not for <statement-2@contoso-bank.example>");
    }

    @Test
    void garbageIsNotAProtectedMessage() {
        byte[] plain = Letter.statement().bytes();

        assertThatThrownBy(() -> service.license(plain, BOB))
                .isInstanceOf(ProtectionException.class)
                .hasMessage("not a protected message: it has no application/vnd.envelopelab.protected-message part");
    }
}
