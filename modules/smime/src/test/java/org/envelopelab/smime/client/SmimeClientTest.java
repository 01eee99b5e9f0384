package org.envelopelab.smime.client;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.envelopelab.pki.CertificateAuthority;
import org.envelopelab.pki.Credential;
import org.envelopelab.pki.KeyType;
import org.envelopelab.pki.LabPki;
import org.envelopelab.smime.SmimeException;
import org.envelopelab.smime.SmimeKind;
import org.envelopelab.testkit.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two law firms' clients, as the attorney lesson uses them, and every reason a client refuses. */
class SmimeClientTest {

    private static final Session MIME = Session.getInstance(new Properties());

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private LabPki pki;
    private SmimeClient grace;
    private SmimeClient frank;

    @BeforeEach
    void firms() {
        pki = new LabPki(clock, new SecureRandom());
        grace = client("grace@contoso-legal.example", pki.organizationCa("Contoso Legal"), KeyType.RSA_2048);
        frank = client("frank@fabrikam.example", pki.organizationCa("Fabrikam Law"), KeyType.EC_P256);
    }

    private SmimeClient client(String address, CertificateAuthority ca, KeyType type) {
        Credential credential = ca.issue(address, address.substring(0, address.indexOf('@')), type);
        return new SmimeClient(address, credential, pki.validator(), pki.directory(), clock);
    }

    @Test
    void encryptingWithoutTheRecipientsCertificateTeachesTheExchange() {
        assertThatThrownBy(() -> grace.protect(letter(grace, frank), Protection.signAndEncrypt()))
                .isInstanceOf(SmimeException.class)
                .hasMessage("no certificate for frank@fabrikam.example: exchange signed mail first (the directory has none either)");
    }

    @Test
    void aSignedMessageHandsOverTheCertificateAndThenEncryptionWorksBothWays() throws Exception {
        MimeMessage signed = grace.protect(letter(grace, frank), Protection.signOnly());
        assertThat(SmimeKind.of(signed)).isEqualTo(SmimeKind.CLEAR_SIGNED);

        Reading reading = frank.read(roundTrip(signed));
        assertThat(reading.readable()).isTrue();
        assertThat(reading.signature().trustworthy()).isTrue();
        assertThat(reading.signature().summary()).contains("verified; certificate issued by Contoso Legal Root CA");
        assertThat(reading.learned()).containsExactly("grace@contoso-legal.example");
        assertThat(frank.read(roundTrip(signed)).learned()).as("a certificate is learned once").isEmpty();

        MimeMessage answer = frank.protect(letter(frank, grace), Protection.signAndEncrypt());
        assertThat(SmimeKind.of(answer)).isEqualTo(SmimeKind.AUTH_ENVELOPED);
        Reading atGrace = grace.read(roundTrip(answer));
        assertThat(atGrace.layers()).containsExactly("authEnveloped-data (aes-256-gcm)", "clear-signed");
        assertThat(text(atGrace.content())).contains("Privileged and confidential");
        assertThat(atGrace.signature().trustworthy()).isTrue();
        assertThat(frank.open(roundTrip(answer)).readable()).as("the sender can read their own copy in Sent").isTrue();
    }

    @Test
    void someoneWhoIsNoRecipientCannotReadIt() throws Exception {
        SmimeClient hank = client("hank@contoso-legal.example", pki.organizationCa("Contoso Legal"), KeyType.RSA_2048);
        pki.directory().publish(frank.credential().orElseThrow().certificate());
        MimeMessage encrypted = grace.protect(letter(grace, frank), Protection.signAndEncrypt());

        Reading reading = hank.open(roundTrip(encrypted));
        assertThat(reading.readable()).isFalse();
        assertThat(reading.encrypted()).isTrue();
        assertThat(reading.problem()).contains("hank@contoso-legal.example");
    }

    @Test
    void aPublishedCertificateIsFoundInTheDirectory() throws Exception {
        pki.directory().publish(frank.credential().orElseThrow().certificate());
        MimeMessage encrypted = grace.protect(letter(grace, frank), Protection.signAndEncrypt());
        assertThat(frank.read(roundTrip(encrypted)).readable()).isTrue();
    }

    @Test
    void anExpiredCertificateIsRefusedWithItsDate() throws Exception {
        Credential old = pki.issueExpired(pki.organizationCa("Fabrikam Law"), "olga@fabrikam.example", "Olga Old", KeyType.RSA_2048);
        pki.directory().publish(old.certificate());
        assertThatThrownBy(() -> grace.certificateFor("olga@fabrikam.example"))
                .hasMessage("cannot encrypt for olga@fabrikam.example: Olga Old's certificate expired on 2026-01-26 (certificate from the directory)");
    }

    @Test
    void aRevokedCertificateIsRefusedAtOnce() throws Exception {
        grace.read(roundTrip(frank.protect(letter(frank, grace), Protection.signOnly())));
        assertThat(grace.certificateFor("frank@fabrikam.example")).isNotNull();

        pki.organizationCa("Fabrikam Law").revoke(frank.credential().orElseThrow().certificate(),
                CertificateAuthority.RevocationReason.KEY_COMPROMISE);

        assertThatThrownBy(() -> grace.protect(letter(grace, frank), Protection.signAndEncrypt()))
                .hasMessage("cannot encrypt for frank@fabrikam.example: frank's certificate was revoked on 2026-03-02"
                        + " (key-compromise) by Fabrikam Law Root CA (certificate from the address book)");
    }

    @Test
    void aCertificateFromAnUnknownCaIsNotTrusted() throws Exception {
        SmimeClient mallory = client("mallory@fabrikam.example", pki.unknownCa(), KeyType.RSA_2048);
        Reading reading = grace.read(roundTrip(mallory.protect(letter(mallory, grace), Protection.signOnly())));

        assertThat(reading.signature().signatureValid()).isTrue();
        assertThat(reading.signature().trustworthy()).isFalse();
        assertThat(reading.signature().summary()).contains("matches, but the certificate is not good: issued by Unknown Root CA,"
                + " which is not among the CAs this client trusts");
        assertThatThrownBy(() -> grace.certificateFor("mallory@fabrikam.example"))
                .hasMessageContaining("issued by Unknown Root CA, which is not among the CAs this client trusts");
    }

    @Test
    void aCertificateThatExpiresLaterIsRefusedWhenTheClockPassesIt() throws Exception {
        grace.read(roundTrip(frank.protect(letter(frank, grace), Protection.signOnly())));
        clock.advance(Duration.ofDays(400));
        assertThatThrownBy(() -> grace.certificateFor("frank@fabrikam.example")).hasMessageContaining("expired on");
    }

    @Test
    void aSignatureFromSomeoneElsesAddressIsNotLearned() throws Exception {
        MimeMessage forged = letter(frank, grace);
        forged.setFrom("ceo@contoso-legal.example");
        forged.saveChanges();
        Reading reading = grace.read(roundTrip(frank.protect(forged, Protection.signOnly())));

        assertThat(reading.signature().fromMatches()).isFalse();
        assertThat(reading.signature().summary()).contains("the message claims to be from ceo@contoso-legal.example");
        assertThat(reading.learned()).isEmpty();
        assertThat(grace.addressBook().lookup("frank@fabrikam.example")).isEmpty();
    }

    @Test
    void someoneWithoutACertificateCannotSign() throws MessagingException {
        SmimeClient hank = new SmimeClient("hank@contoso-legal.example", null, pki.validator(), pki.directory(), clock);
        assertThatThrownBy(() -> hank.protect(letter(hank, frank), Protection.signOnly()))
                .hasMessage("hank@contoso-legal.example has no certificate of their own: cannot sign (get one issued first)");
    }

    private static MimeMessage letter(SmimeClient from, SmimeClient to) throws MessagingException {
        MimeMessage message = new MimeMessage(MIME);
        message.setFrom(from.address());
        message.setRecipients(Message.RecipientType.TO, to.address());
        message.setSubject("Merger agreement");
        message.setText("Privileged and confidential: the price is USD 48,000,000.", "UTF-8");
        message.saveChanges();
        return message;
    }

    /** As the recipient's client gets it: written out by one side, parsed by the other. */
    private static MimeMessage roundTrip(MimeMessage message) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return new MimeMessage(MIME, new java.io.ByteArrayInputStream(bytes.toByteArray()));
    }

    private static String text(MimeMessage message) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
