package org.envelopelab.service.protection;

import org.envelopelab.service.audit.AuditKind;
import org.envelopelab.service.rights.RightsTemplate;
import org.envelopelab.testkit.MovableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envelopelab.service.protection.Lab.ALICE;
import static org.envelopelab.service.protection.Lab.BOB;
import static org.envelopelab.service.protection.Lab.STATEMENT_RECIPIENTS;

class KeyRotationTest {

    private final MovableClock clock = new MovableClock(Lab.START);
    private final ProtectionService service = Lab.service(Lab.contoso(), clock);

    @Test
    void newMailUsesTheNewKeyVersionAfterRotation() {
        Protected before = protect("<before@contoso-bank.example>");
        clock.advance(Duration.ofDays(90));

        KeyId rotated = service.rotateKeys();
        Protected after = protect("<after@contoso-bank.example>");

        assertThat(rotated).isEqualTo(new KeyId("contoso-bank.example", 2));
        assertThat(service.currentKey()).isEqualTo(rotated);
        assertThat(ProtectedMessage.read(before.protectedMime()).keyId().label()).isEqualTo("contoso-bank.example/tenant-root-key/v1");
        assertThat(ProtectedMessage.read(after.protectedMime()).keyId().label()).isEqualTo("contoso-bank.example/tenant-root-key/v2");
        assertThat(ProtectedMessage.read(after.protectedMime()).policy().keyId()).isEqualTo(rotated);
    }

    @Test
    void oldMailStillOpensAfterRotation() {
        byte[] original = Letter.statement().messageId("<before@contoso-bank.example>").bytes();
        Protected before = service.protect(original, ALICE, STATEMENT_RECIPIENTS, RightsTemplate.ENCRYPT_ONLY, Lab.branding());

        service.rotateKeys();
        service.rotateKeys();

        assertThat(service.open(before.protectedMime(), service.license(before.protectedMime(), BOB))).isEqualTo(original);
        assertThat(service.decryptForCompliance(before.protectedMime())).isEqualTo(original);
        assertThat(service.isProtectedByThisTenant(before.protectedMime())).isTrue();
    }

    @Test
    void rotationIsAudited() {
        service.rotateKeys();

        assertThat(service.audit().entriesOf(AuditKind.KEYS_ROTATED)).singleElement()
                .satisfies(entry -> assertThat(entry.detail())
                        .isEqualTo("new mail is protected with contoso-bank.example/tenant-root-key/v2; 1 older version(s) kept for older mail"));
    }

    private Protected protect(String messageId) {
        return service.protect(Letter.statement().messageId(messageId).bytes(), ALICE, STATEMENT_RECIPIENTS,
                RightsTemplate.ENCRYPT_ONLY, Lab.branding());
    }
}
