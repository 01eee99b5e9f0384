package org.envelopelab.smime.client;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.envelopelab.pki.CertificateDirectory;
import org.envelopelab.pki.CertificateValidator;
import org.envelopelab.pki.Credential;
import org.envelopelab.pki.KeyType;
import org.envelopelab.smime.SignatureForm;
import org.envelopelab.smime.Smime;
import org.envelopelab.smime.SmimeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client makes the same trust decisions as {@code lab smime}: it neither encrypts to nor
 * trusts the signature of a certificate that is a CA's, out of date, not for email, or whose key
 * usage does not allow the job, even when a CA it trusts issued it.
 */
class SmimeClientTrustTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Session MIME = Session.getInstance(new Properties());

    private HandMadeCa ca;
    private CertificateDirectory directory;
    private SmimeClient grace;

    @BeforeEach
    void graceTrustsTheHandMadeCa() throws Exception {
        ca = new HandMadeCa(NOW);
        directory = new CertificateDirectory();
        grace = client("grace@contoso.example", ca.issue("grace@contoso.example", KeyType.RSA_2048, HandMadeCa.Extensions.person()));
    }

    private SmimeClient client(String address, Credential credential) throws Exception {
        List<java.security.cert.X509CRL> crls = List.of(ca.crl());
        CertificateValidator validator = new CertificateValidator(() -> List.of(ca.certificate()), () -> crls, Clock.fixed(NOW, ZoneOffset.UTC));
        return new SmimeClient(address, credential, validator, directory, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private void refusedAsRecipient(String address, String why) {
        assertThatThrownBy(() -> grace.certificateFor(address))
                .isInstanceOf(SmimeException.class)
                .hasMessage("cannot encrypt for " + address + ": " + why + " (certificate from the directory)");
    }

    @Test
    void aGoodCertificateFromTheTrustedCaIsEncryptedTo() throws Exception {
        directory.publish(ca.issue("frank@fabrikam.example", KeyType.EC_P256, HandMadeCa.Extensions.person()).certificate());
        assertThat(grace.certificateFor("frank@fabrikam.example")).isNotNull();
    }

    @Test
    void aCaCertificateIsNobodysToEncryptTo() throws Exception {
        directory.publish(ca.issue("ca@fabrikam.example", KeyType.RSA_2048,
                new HandMadeCa.Extensions(null, null, true)).certificate());
        refusedAsRecipient("ca@fabrikam.example",
                "ca's certificate belongs to a certificate authority: it vouches for other people's certificates and is nobody's own");
    }

    @Test
    void aWebServersCertificateIsNotForEmail() throws Exception {
        directory.publish(ca.issue("www@fabrikam.example", KeyType.RSA_2048,
                new HandMadeCa.Extensions(null, KeyPurposeId.id_kp_serverAuth, false)).certificate());
        refusedAsRecipient("www@fabrikam.example",
                "www's certificate is not for email: its extended key usage allows server authentication, not email protection");
    }

    @Test
    void aKeyThatMayOnlySignIsNotEncryptedTo() throws Exception {
        directory.publish(ca.issue("frank@fabrikam.example", KeyType.RSA_2048,
                new HandMadeCa.Extensions(new KeyUsage(KeyUsage.digitalSignature), KeyPurposeId.id_kp_emailProtection, false)).certificate());
        refusedAsRecipient("frank@fabrikam.example", "frank's certificate does not allow encrypting to it: its key usage lacks keyEncipherment");
    }

    @Test
    void certificatesOutOfDateAreNotEncryptedTo() throws Exception {
        directory.publish(ca.issue("olga@fabrikam.example", KeyType.EC_P256, HandMadeCa.Extensions.person(),
                NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(35))).certificate());
        directory.publish(ca.issue("nina@fabrikam.example", KeyType.EC_P256, HandMadeCa.Extensions.person(),
                NOW.plus(Duration.ofDays(3)), NOW.plus(Duration.ofDays(300))).certificate());
        refusedAsRecipient("olga@fabrikam.example", "olga's certificate expired on 2026-01-26");
        refusedAsRecipient("nina@fabrikam.example", "nina's certificate is not valid before 2026-03-05");
    }

    @Test
    void aSignatureByAKeyThatMayNotSignIsNotTrustedNorLearned() throws Exception {
        Credential frank = ca.issue("frank@fabrikam.example", KeyType.RSA_2048,
                new HandMadeCa.Extensions(new KeyUsage(KeyUsage.keyEncipherment), KeyPurposeId.id_kp_emailProtection, false));
        MimeMessage signed = Smime.sign(letter("frank@fabrikam.example", "grace@contoso.example"), frank, SignatureForm.CLEAR,
                Clock.fixed(NOW, ZoneOffset.UTC));

        Reading reading = grace.read(signed);

        assertThat(reading.signature().signatureValid()).isTrue();
        assertThat(reading.signature().trustworthy()).isFalse();
        assertThat(reading.signature().summary()).contains("frank's certificate does not allow signing");
    }

    @Test
    void aClientWhoseOwnCertificateExpiredDoesNotSign() throws Exception {
        SmimeClient olga = client("olga@contoso.example", ca.issue("olga@contoso.example", KeyType.EC_P256, HandMadeCa.Extensions.person(),
                NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(35))));

        assertThatThrownBy(() -> olga.protect(letter("olga@contoso.example", "grace@contoso.example"), Protection.signOnly()))
                .isInstanceOf(SmimeException.class)
                .hasMessage("olga@contoso.example cannot sign: olga's certificate expired on 2026-01-26 (get a new one issued)");
    }

    private static MimeMessage letter(String from, String to) throws Exception {
        MimeMessage message = new MimeMessage(MIME);
        message.setFrom(from);
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject("Merger agreement");
        message.setText("Privileged and confidential.", "UTF-8");
        message.saveChanges();
        return message;
    }
}
