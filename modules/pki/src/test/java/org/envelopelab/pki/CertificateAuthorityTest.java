package org.envelopelab.pki;

import org.envelopelab.testkit.MovableClock;
import org.envelopelab.testkit.OpenSsl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CertificateAuthorityTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private final MovableClock clock = new MovableClock(NOW);
    private CertificateAuthority contoso;
    private CertificateAuthority fabrikam;

    @BeforeEach
    void authorities() {
        SecureRandom random = new SecureRandom();
        contoso = CertificateAuthority.create("Contoso Root CA", "Contoso", clock, random);
        fabrikam = CertificateAuthority.create("Fabrikam Root CA", "Fabrikam", clock, random);
    }

    private CertificateValidator trusting(CertificateAuthority... authorities) {
        return new CertificateValidator(() -> List.of(authorities).stream().map(CertificateAuthority::certificate).toList(),
                () -> List.of(authorities).stream().map(CertificateAuthority::crl).toList(), clock);
    }

    @Test
    void userCertificatesCarryTheAddressAndSmimeUsages() throws Exception {
        for (KeyType type : KeyType.values()) {
            Credential alice = contoso.issue("Alice@Contoso.example", "Alice Adams", type);
            X509Certificate certificate = alice.certificate();

            assertThat(alice.email()).isEqualTo("alice@contoso.example");
            assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.4");
            assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
            boolean[] usage = certificate.getKeyUsage();
            assertThat(usage[0]).as("digitalSignature").isTrue();
            assertThat(usage[2]).as("keyEncipherment").isEqualTo(type.isRsa());
            assertThat(usage[4]).as("keyAgreement").isEqualTo(!type.isRsa());
            assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo(type.isRsa() ? "RSA" : "EC");
            assertThat(alice.chain()).containsExactly(certificate, contoso.certificate());
            certificate.verify(contoso.certificate().getPublicKey());
            assertThat(Certificates.describe(certificate)).startsWith("Alice Adams <alice@contoso.example>, serial ")
                    .contains("issued by Contoso Root CA, valid until 2027-03-02");
        }
    }

    @Test
    void theValidatorExplainsEveryReasonToRefuse() {
        CertificateValidator validator = trusting(contoso);
        Credential good = contoso.issue("bob@contoso.example", "Bob Brown", KeyType.EC_P256);
        Credential expired = contoso.issue("old@contoso.example", "Olga Old", KeyType.EC_P256,
                NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(35)));
        Credential future = contoso.issue("new@contoso.example", "Nina New", KeyType.EC_P256,
                NOW.plus(Duration.ofDays(3)), NOW.plus(Duration.ofDays(300)));
        Credential stranger = fabrikam.issue("frank@fabrikam.example", "Frank Fischer", KeyType.EC_P256);
        Credential revoked = contoso.issue("eve@contoso.example", "Eve Evil", KeyType.EC_P256);
        contoso.revoke(revoked.certificate(), CertificateAuthority.RevocationReason.KEY_COMPROMISE);

        assertThat(validator.check(good.certificate(), SmimeRole.RECIPIENT).valid()).isTrue();
        assertThat(validator.check(good.certificate(), SmimeRole.RECIPIENT).explanation()).isEqualTo("issued by Contoso Root CA, a trusted CA, and not revoked");
        assertThat(validator.check(expired.certificate(), SmimeRole.RECIPIENT)).isEqualTo(new CertificateValidator.Verdict(
                CertificateValidator.Problem.EXPIRED, "Olga Old's certificate expired on 2026-01-26"));
        assertThat(validator.check(future.certificate(), SmimeRole.RECIPIENT).problem()).isEqualTo(CertificateValidator.Problem.NOT_YET_VALID);
        assertThat(validator.check(stranger.certificate(), SmimeRole.RECIPIENT)).isEqualTo(new CertificateValidator.Verdict(
                CertificateValidator.Problem.UNTRUSTED, "issued by Fabrikam Root CA, which is not among the CAs this client trusts"));
        assertThat(validator.check(revoked.certificate(), SmimeRole.RECIPIENT)).isEqualTo(new CertificateValidator.Verdict(
                CertificateValidator.Problem.REVOKED, "Eve Evil's certificate was revoked on 2026-03-02 (key-compromise) by Contoso Root CA"));
        assertThat(trusting(contoso, fabrikam).check(stranger.certificate(), SmimeRole.SIGNER).valid()).isTrue();
    }

    @Test
    void aCertificateExpiresWhenTheLabClockPassesItsEnd() {
        Credential bob = contoso.issue("bob@contoso.example", "Bob Brown", KeyType.EC_P256);
        CertificateValidator validator = trusting(contoso);
        clock.advance(Duration.ofDays(366));
        assertThat(validator.check(bob.certificate(), SmimeRole.RECIPIENT).problem()).isEqualTo(CertificateValidator.Problem.EXPIRED);
    }

    @Test
    void withoutTheIssuersCrlRevocationCannotBeChecked() {
        Credential bob = contoso.issue("bob@contoso.example", "Bob Brown", KeyType.EC_P256);
        CertificateValidator noCrls = new CertificateValidator(() -> List.of(contoso.certificate()), List::of, clock);
        assertThat(noCrls.check(bob.certificate(), SmimeRole.RECIPIENT).problem()).isEqualTo(CertificateValidator.Problem.NO_REVOCATION_STATUS);
    }

    @Test
    void whenRevocationIsOptionalAMissingCrlIsAWarning() {
        Credential bob = contoso.issue("bob@contoso.example", "Bob Brown", KeyType.EC_P256);
        CertificateValidator noCrls = new CertificateValidator(() -> List.of(contoso.certificate()), List::of, clock,
                CertificateValidator.RevocationStatus.OPTIONAL);

        CertificateValidator.Verdict verdict = noCrls.check(bob.certificate(), SmimeRole.SIGNER);
        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.explanation()).isEqualTo("issued by Contoso Root CA, a trusted CA");
        assertThat(verdict.warning()).isEqualTo("revocation not checked: no CRL from Contoso Root CA was given");
        assertThat(trusting(contoso).check(bob.certificate(), SmimeRole.SIGNER).warning()).isEmpty();
    }

    @Test
    void aCaCertificateIsRefusedEvenByClientsThatTrustIt() {
        assertThat(trusting(contoso).check(contoso.certificate(), SmimeRole.RECIPIENT).problem())
                .isEqualTo(CertificateValidator.Problem.CA_CERTIFICATE);
    }

    @Test
    void aCaRevokesOnlyWhatItIssued() {
        Credential frank = fabrikam.issue("frank@fabrikam.example", "Frank Fischer", KeyType.EC_P256);
        assertThatThrownBy(() -> contoso.revoke(frank.certificate(), CertificateAuthority.RevocationReason.UNSPECIFIED))
                .hasMessageContaining("was not issued by Contoso Root CA");
    }

    @Test
    void pemAndPkcs12RoundTrip() throws Exception {
        Credential alice = contoso.issue("alice@contoso.example", "Alice Adams", KeyType.RSA_2048);

        String pem = Pem.write(alice.certificate(), contoso.certificate());
        assertThat(Pem.certificates(pem)).containsExactly(alice.certificate(), contoso.certificate());
        String encryptedKey = Pem.privateKey(alice.privateKey(), "s3cret".toCharArray());
        assertThat(encryptedKey).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertThat(Pem.privateKey(encryptedKey, "s3cret".toCharArray())).isEqualTo(alice.privateKey());
        assertThatThrownBy(() -> Pem.privateKey(encryptedKey, "wrong".toCharArray())).hasMessageContaining("wrong password?");

        byte[] p12 = Pkcs12.write(alice, "s3cret".toCharArray(), "alice");
        Credential back = Pkcs12.read(p12, "s3cret".toCharArray());
        assertThat(back.privateKey()).isEqualTo(alice.privateKey());
        assertThat(back.chain()).containsExactly(alice.certificate(), contoso.certificate());
        assertThatThrownBy(() -> Pkcs12.read(p12, "wrong".toCharArray())).hasMessageContaining("cannot open the PKCS#12 file");
    }

    @Test
    void openSslAcceptsTheCertificatesTheCrlAndThePkcs12File(@TempDir Path dir) throws Exception {
        Credential alice = contoso.issue("alice@contoso.example", "Alice Adams", KeyType.EC_P256);
        Credential eve = contoso.issue("eve@contoso.example", "Eve Evil", KeyType.RSA_2048);
        contoso.revoke(eve.certificate(), CertificateAuthority.RevocationReason.KEY_COMPROMISE);
        Files.writeString(dir.resolve("ca.pem"), Pem.write(contoso.certificate()));
        Files.writeString(dir.resolve("crl.pem"), Pem.write(contoso.crl()));
        Files.writeString(dir.resolve("alice.pem"), Pem.write(alice.certificate()));
        Files.writeString(dir.resolve("eve.pem"), Pem.write(eve.certificate()));
        Files.write(dir.resolve("alice.p12"), Pkcs12.write(alice, "s3cret".toCharArray(), "alice"));
        String attime = Long.toString(NOW.getEpochSecond());

        assertThat(openssl(dir, "verify", "-attime", attime, "-purpose", "smimesign", "-crl_check", "-CRLfile", "crl.pem",
                "-CAfile", "ca.pem", "alice.pem")).contains("alice.pem: OK");
        assertThat(openssl(dir, "verify", "-attime", attime, "-crl_check", "-CRLfile", "crl.pem", "-CAfile", "ca.pem", "eve.pem"))
                .contains("certificate revoked");
        assertThat(openssl(dir, "pkcs12", "-in", "alice.p12", "-passin", "pass:s3cret", "-nodes"))
                .contains("BEGIN CERTIFICATE", "BEGIN PRIVATE KEY", "subject=O = Contoso, CN = Alice Adams");
    }

    /** What openssl printed (standard output, then standard error) in this folder; it must finish within 30 s. */
    static String openssl(Path dir, String... args) throws Exception {
        return new OpenSsl(dir, Duration.ofSeconds(30)).run(args).output();
    }
}
