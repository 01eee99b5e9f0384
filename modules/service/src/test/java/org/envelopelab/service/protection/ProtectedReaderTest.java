package org.envelopelab.service.protection;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.envelopelab.service.audit.AuditKind;
import org.envelopelab.service.rights.Right;
import org.envelopelab.service.rights.RightsTemplate;
import org.envelopelab.testkit.MovableClock;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.envelopelab.service.protection.Lab.ALICE;
import static org.envelopelab.service.protection.Lab.BOB;
import static org.envelopelab.service.protection.Lab.STATEMENT_RECIPIENTS;

class ProtectedReaderTest {

    private static final String IVY = "ivy@gmail.example";

    private final MovableClock clock = new MovableClock(Lab.START);
    private final ProtectionService service = Lab.service(Lab.contoso(), clock);
    private final ProtectedReader bobsClient = service.reader();
    private final byte[] original = Letter.statement().bytes();

    @Test
    void anInsideRecipientReadsInlineWithTheTemplatesRights() {
        InlineReading reading = bobsClient.read(protect(RightsTemplate.DO_NOT_FORWARD), BOB);

        assertThat(reading.original()).isEqualTo(original);
        assertThat(reading.rights()).containsExactlyInAnyOrder(Right.VIEW, Right.REPLY, Right.REPLY_ALL);
        assertThat(reading.reader()).isEqualTo(BOB);
    }

    @Test
    void doNotForwardCannotBeForwarded() {
        InlineReading reading = bobsClient.read(protect(RightsTemplate.DO_NOT_FORWARD), BOB);

        assertThatThrownBy(() -> bobsClient.forward(reading, List.of(IVY)))
                .isInstanceOfSatisfying(RightsException.class, refused -> assertThat(refused.missing()).isEqualTo(Right.FORWARD))
                .hasMessage("Do Not Forward: Bob Brown may not forward this message");
        assertThat(service.audit().entriesOf(AuditKind.FORWARD_REFUSED)).singleElement()
                .satisfies(entry -> assertThat(entry.actor()).isEqualTo(BOB));
    }

    @Test
    void doNotForwardCannotBePrintedOrCopied() {
        InlineReading reading = bobsClient.read(protect(RightsTemplate.DO_NOT_FORWARD), BOB);

        assertThatThrownBy(() -> bobsClient.print(reading)).hasMessage("Do Not Forward: Bob Brown may not print this message");
        assertThatThrownBy(() -> bobsClient.copy(reading)).hasMessage("Do Not Forward: Bob Brown may not copy this message");
        assertThat(service.audit().entriesOf(AuditKind.USE_REFUSED)).hasSize(2);
    }

    @Test
    void encryptOnlyMayBePrintedAndCopied() {
        InlineReading reading = bobsClient.read(protect(RightsTemplate.ENCRYPT_ONLY), BOB);

        assertThat(bobsClient.print(reading)).startsWith("From: Alice Adams <alice@contoso-bank.example>\nSubject: Your March card statement")
                .contains(Letter.CARD_NUMBER);
        assertThat(bobsClient.copy(reading)).contains(Letter.CARD_NUMBER);
    }

    @Test
    void forwardingEncryptOnlyMarksTheNewCopyForProtection() throws Exception {
        InlineReading reading = bobsClient.read(protect(RightsTemplate.ENCRYPT_ONLY), BOB);

        byte[] forward = bobsClient.forward(reading, List.of(IVY));

        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(forward));
        assertThat(message.getHeader(ForwardedMessage.PROTECT_HEADER, null)).isEqualTo("Encrypt-Only");
        assertThat(message.getHeader("From", null)).isEqualTo("Bob Brown <bob@contoso-bank.example>");
        assertThat(message.getHeader("To", null)).isEqualTo(IVY);
        assertThat(message.getSubject()).isEqualTo("FW: Your March card statement");
        assertThat(message.getMessageID()).endsWith("@contoso-bank.example>");
        Multipart mixed = (Multipart) message.getContent();
        assertThat(mixed.getBodyPart(1).isMimeType("message/rfc822")).isTrue();
        ByteArrayOutputStream attached = new ByteArrayOutputStream();
        ((MimeMessage) mixed.getBodyPart(1).getContent()).writeTo(attached);
        assertThat(attached.toString(java.nio.charset.StandardCharsets.UTF_8)).contains(Letter.CARD_NUMBER);
        assertThat(service.audit().entriesOf(AuditKind.FORWARDED)).hasSize(1);
    }

    @Test
    void someoneTheMessageWasNotSentToCannotReadItInline() {
        byte[] protectedMime = protect(RightsTemplate.ENCRYPT_ONLY);

        assertThatThrownBy(() -> bobsClient.read(protectedMime, Lab.DANA)).isInstanceOf(LicenseRefusedException.class);
    }

    private byte[] protect(RightsTemplate template) {
        return service.protect(original, ALICE, STATEMENT_RECIPIENTS, template, Lab.branding()).protectedMime();
    }
}
