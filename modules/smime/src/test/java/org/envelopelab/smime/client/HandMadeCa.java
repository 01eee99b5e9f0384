package org.envelopelab.smime.client;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.envelopelab.pki.Credential;
import org.envelopelab.pki.KeyType;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * A CA a test builds by hand, to issue what the lab's own CA never would: certificates with a CA
 * flag, a web server's purpose or a key usage that does not fit the role, all properly chained.
 */
final class HandMadeCa {

    /** What a hand-made certificate carries; null leaves the extension out. */
    record Extensions(KeyUsage keyUsage, KeyPurposeId purpose, boolean ca) {
        static Extensions person() {
            return new Extensions(null, KeyPurposeId.id_kp_emailProtection, false);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final KeyPair keys = KeyType.RSA_2048.generate(RANDOM);
    private final X500Name name = new X500Name("CN=Hand Made CA");
    private final X509Certificate certificate;
    private final Instant now;

    HandMadeCa(Instant now) throws Exception {
        this.now = now;
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(3650))), name, keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer()));
    }

    X509Certificate certificate() {
        return certificate;
    }

    /** An empty CRL, current as of now. */
    X509CRL crl() throws Exception {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(name, Date.from(now));
        builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
        return new JcaX509CRLConverter().getCRL(builder.build(signer()));
    }

    /** A credential for the address, valid from {@code from} to {@code to}. */
    Credential issue(String email, KeyType type, Extensions extensions, Instant from, Instant to) throws Exception {
        KeyPair subject = type.generate(RANDOM);
        X500Name subjectName = new X500Name("CN=" + email.substring(0, email.indexOf('@')));
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(RANDOM.nextInt(1 << 30)),
                Date.from(from), Date.from(to), subjectName, subject.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.rfc822Name, email)));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(extensions.ca()));
        if (extensions.keyUsage() != null) {
            builder.addExtension(Extension.keyUsage, true, extensions.keyUsage());
        }
        if (extensions.purpose() != null) {
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(extensions.purpose()));
        }
        X509Certificate issued = new JcaX509CertificateConverter().getCertificate(builder.build(signer()));
        return new Credential(subject.getPrivate(), issued, List.of(issued, certificate));
    }

    Credential issue(String email, KeyType type, Extensions extensions) throws Exception {
        return issue(email, type, extensions, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(365)));
    }

    private ContentSigner signer() throws Exception {
        return new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
    }
}
