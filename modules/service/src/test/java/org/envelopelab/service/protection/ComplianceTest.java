package org.envelopelab.service.protection;

import org.envelopelab.service.audit.AuditKind;
import org.envelopelab.service.rights.RightsTemplate;
import org.envelopelab.testkit.MovableClock;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.envelopelab.service.protection.Lab.ALICE;
import static org.envelopelab.service.protection.Lab.STATEMENT_RECIPIENTS;

/** The service can read what it protects — its own mail, and nobody else's. */
class ComplianceTest {

    private final MovableClock clock = new MovableClock(Lab.START);
    private final ProtectionService contoso = Lab.service(Lab.contoso(), clock);
    private final ProtectionService fabrikam = Lab.service(Lab.fabrikam(), clock);
    private final byte[] original = Letter.statement().bytes();
    private final byte[] ours = contoso.protect(original, ALICE, STATEMENT_RECIPIENTS, RightsTemplate.DO_NOT_FORWARD,
            Lab.branding()).protectedMime();
    private final byte[] theirs = fabrikam.protect(Letter.statement().from("Frank <frank@fabrikam.example>").bytes(),
            "frank@fabrikam.example", List.of("bob@contoso-bank.example"), RightsTemplate.ENCRYPT_ONLY, Lab.branding())
            .protectedMime();

    @Test
    void theServiceDecryptsItsOwnMailForJournalingAndSaysSo() {
        assertThat(contoso.decryptForCompliance(ours)).isEqualTo(original);

        assertThat(contoso.audit().entriesOf(AuditKind.COMPLIANCE_DECRYPTED)).singleElement()
                .satisfies(entry -> assertThat(entry.messageId()).isEqualTo("<statement-1@contoso-bank.example>"));
    }

    @Test
    void removeEncryptionGivesBackTheOriginal() {
        assertThat(contoso.removeEncryption(ours)).isEqualTo(original);
        assertThat(contoso.audit().entriesOf(AuditKind.ENCRYPTION_REMOVED)).hasSize(1);
    }

    @Test
    void removeEncryptionRefusesAnotherTenantsMail() {
        assertThatThrownBy(() -> contoso.removeEncryption(theirs))
                .isInstanceOf(ProtectionException.class)
                .hasMessage("encryption can be removed only from mail contoso-bank.example protected itself: the message was"
                        + " protected with fabrikam.example/tenant-root-key/v1, which is not a key of contoso-bank.example:"
                        + " only the tenant that protected a message can unlock it");
        assertThat(contoso.audit().entriesOf(AuditKind.ENCRYPTION_REMOVED)).isEmpty();
    }

    @Test
    void removeEncryptionRefusesMailThatIsNotProtected() {
        assertThatThrownBy(() -> contoso.removeEncryption(original)).hasMessageStartingWith("not a protected message");
    }

    @Test
    void anotherTenantsServiceCannotDecryptOrLicense() {
        assertThatThrownBy(() -> fabrikam.decryptForCompliance(ours)).hasMessageContaining("not a key of fabrikam.example");
        assertThatThrownBy(() -> contoso.license(theirs, Lab.BOB)).isInstanceOfSatisfying(LicenseRefusedException.class,
                refused -> assertThat(refused.reason()).isEqualTo(LicenseRefusal.NOT_VERIFIED));
    }

    @Test
    void theServiceRecognisesOnlyItsOwnUnchangedMail() throws Exception {
        assertThat(contoso.isProtectedByThisTenant(ours)).isTrue();
        assertThat(contoso.isProtectedByThisTenant(theirs)).isFalse();
        assertThat(contoso.isProtectedByThisTenant(original)).isFalse();
        assertThat(contoso.isProtectedByThisTenant(Forgery.flipCiphertextBit(ours))).isFalse();
        assertThat(ProtectedMessage.isProtected(theirs)).isTrue();
    }
}
