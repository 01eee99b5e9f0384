package org.envelopelab.pki;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/** What a certificate allows on its own, before anyone asks who issued it (RFC 8550 section 4.4, RFC 5280). */
class CertificateUseTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KeyPair RSA = KeyType.RSA_2048.generate(RANDOM);
    private static final KeyPair EC = KeyType.EC_P256.generate(RANDOM);

    @Test
    void aPersonsCertificateFromTheLabCaServesBothRoles() {
        CertificateAuthority ca = CertificateAuthority.create("Contoso Root CA", "Contoso", Clock.fixed(NOW, ZoneOffset.UTC), RANDOM);
        for (KeyType type : KeyType.values()) {
            X509Certificate alice = ca.issue("alice@contoso.example", "Alice Adams", type).certificate();
            for (SmimeRole role : SmimeRole.values()) {
                assertThat(CertificateUse.check(alice, role, NOW).valid()).as(type + " " + role).isTrue();
            }
        }
    }

    @Test
    void aCaCertificateIsNobodysOwn() {
        CertificateAuthority ca = CertificateAuthority.create("Contoso Root CA", "Contoso", Clock.fixed(NOW, ZoneOffset.UTC), RANDOM);
        for (SmimeRole role : SmimeRole.values()) {
            assertThat(CertificateUse.check(ca.certificate(), role, NOW)).isEqualTo(new CertificateValidator.Verdict(
                    CertificateValidator.Problem.CA_CERTIFICATE, "Contoso Root CA's certificate belongs to a certificate authority:"
                    + " it vouches for other people's certificates and is nobody's own"));
        }
    }

    @Test
    void aCertificateForWebServersIsNotForEmail() throws Exception {
        X509Certificate web = certificate(RSA, "bob@fabrikam.example", null, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));

        assertThat(CertificateUse.check(web, SmimeRole.RECIPIENT, NOW)).isEqualTo(new CertificateValidator.Verdict(
                CertificateValidator.Problem.NOT_FOR_EMAIL,
                "Bob's certificate is not for email: its extended key usage allows server authentication, not email protection"));
        X509Certificate any = certificate(RSA, "bob@fabrikam.example", null,
                new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.anyExtendedKeyUsage}));
        assertThat(CertificateUse.check(any, SmimeRole.RECIPIENT, NOW).valid()).isTrue();
        X509Certificate none = certificate(RSA, "bob@fabrikam.example", null, null);
        assertThat(CertificateUse.check(none, SmimeRole.SIGNER, NOW).valid()).as("no extended key usage: any purpose").isTrue();
    }

    @Test
    void aCertificateWithoutAnAddressIsNotForEmail() throws Exception {
        X509Certificate anonymous = certificate(RSA, null, null, null);
        assertThat(CertificateUse.check(anonymous, SmimeRole.SIGNER, NOW).explanation())
                .isEqualTo("Bob's certificate is not for email: it names no email address");
    }

    @Test
    void keyUsageDecidesWhatTheKeyMayDo() throws Exception {
        X509Certificate rsaSigningOnly = certificate(RSA, "bob@fabrikam.example", new KeyUsage(KeyUsage.digitalSignature), null);
        assertThat(CertificateUse.check(rsaSigningOnly, SmimeRole.SIGNER, NOW).valid()).isTrue();
        assertThat(CertificateUse.check(rsaSigningOnly, SmimeRole.RECIPIENT, NOW)).isEqualTo(new CertificateValidator.Verdict(
                CertificateValidator.Problem.WRONG_KEY_USAGE,
                "Bob's certificate does not allow encrypting to it: its key usage lacks keyEncipherment"));

        X509Certificate ecAgreementOnly = certificate(EC, "bob@fabrikam.example", new KeyUsage(KeyUsage.keyAgreement), null);
        assertThat(CertificateUse.check(ecAgreementOnly, SmimeRole.RECIPIENT, NOW).valid()).isTrue();
        assertThat(CertificateUse.check(ecAgreementOnly, SmimeRole.SIGNER, NOW).explanation())
                .isEqualTo("Bob's certificate does not allow signing: its key usage lacks digitalSignature and nonRepudiation");

        X509Certificate ecEnciphermentOnly = certificate(EC, "bob@fabrikam.example", new KeyUsage(KeyUsage.keyEncipherment), null);
        assertThat(CertificateUse.check(ecEnciphermentOnly, SmimeRole.RECIPIENT, NOW).explanation())
                .isEqualTo("Bob's certificate does not allow encrypting to it: its key usage lacks keyAgreement");
        X509Certificate nonRepudiation = certificate(EC, "bob@fabrikam.example", new KeyUsage(KeyUsage.nonRepudiation), null);
        assertThat(CertificateUse.check(nonRepudiation, SmimeRole.SIGNER, NOW).valid()).isTrue();
    }

    @Test
    void theValidityPeriodIsJudgedAtTheMomentGiven() throws Exception {
        X509Certificate bob = certificate(EC, "bob@fabrikam.example", null, null);
        assertThat(CertificateUse.check(bob, SmimeRole.SIGNER, NOW.plus(Duration.ofDays(40))).explanation())
                .isEqualTo("Bob's certificate expired on 2026-03-31");
        assertThat(CertificateUse.check(bob, SmimeRole.RECIPIENT, NOW.minus(Duration.ofDays(2))).explanation())
                .isEqualTo("Bob's certificate is not valid before 2026-03-01");
    }

    /** A self-signed certificate for Bob with exactly the extensions given (null: absent), valid 2026-03-01 to 03-31. */
    static X509Certificate certificate(KeyPair keys, String email, KeyUsage keyUsage, ExtendedKeyUsage extendedKeyUsage)
            throws Exception {
        X500Name subject = new X500Name("CN=Bob");
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(RANDOM.nextInt(1 << 30)),
                Date.from(Instant.parse("2026-03-01T00:00:00Z")), Date.from(Instant.parse("2026-03-31T00:00:00Z")), subject,
                keys.getPublic());
        if (email != null) {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.rfc822Name, email)));
        }
        if (keyUsage != null) {
            builder.addExtension(Extension.keyUsage, true, keyUsage);
        }
        if (extendedKeyUsage != null) {
            builder.addExtension(Extension.extendedKeyUsage, false, extendedKeyUsage);
        }
        String algorithm = keys.getPublic().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(keys.getPrivate())));
    }
}
