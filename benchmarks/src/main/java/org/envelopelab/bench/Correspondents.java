package org.envelopelab.bench;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.envelopelab.pki.CertificateAuthority;
import org.envelopelab.pki.Credential;
import org.envelopelab.pki.KeyType;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The people of an S/MIME benchmark: Alice, who signs, and her recipients. Bob, the first
 * recipient, has a certificate from the lab's CA and his private key, so he can decrypt. The other
 * recipients only need certificates, and they share one key pair: generating a hundred RSA-3072
 * keys would take a minute per fork, and the sender's cost per recipient (one public-key
 * operation, or an ephemeral EC key and an ECDH) does not depend on whose key it is.
 */
public final class Correspondents {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Credential alice;
    private final Credential bob;
    private final List<X509Certificate> recipients;

    private Correspondents(Credential alice, Credential bob, List<X509Certificate> recipients) {
        this.alice = alice;
        this.bob = bob;
        this.recipients = recipients;
    }

    /** Alice and Bob with keys of the given type, and {@code count} recipients, Bob first. */
    public static Correspondents of(KeyType type, int count) {
        CertificateAuthority ca = CertificateAuthority.create("Contoso Root CA", "Contoso Bank", Clock.systemUTC(), RANDOM);
        Credential alice = ca.issue("alice@contoso-bank.example", "Alice Adams", type);
        Credential bob = ca.issue("bob@fabrikam.example", "Bob Baker", type);
        List<X509Certificate> recipients = new ArrayList<>();
        recipients.add(bob.certificate());
        if (count > 1) {
            KeyPair shared = type.generate(RANDOM);
            for (int i = 2; i <= count; i++) {
                recipients.add(selfSigned(shared, type, "customer" + i + "@gmail.example", i));
            }
        }
        return new Correspondents(alice, bob, List.copyOf(recipients));
    }

    public Credential alice() {
        return alice;
    }

    public Credential bob() {
        return bob;
    }

    /** Every recipient's certificate, Bob's first. */
    public List<X509Certificate> recipients() {
        return recipients;
    }

    private static X509Certificate selfSigned(KeyPair keys, KeyType type, String email, int serial) {
        try {
            X500Name subject = new X500Name("CN=Customer " + serial + ",O=Gmail");
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(1000L + serial),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), subject, keys.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.rfc822Name, email)));
            ContentSigner signer = new JcaContentSignerBuilder(type.signatureAlgorithm()).build(keys.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a certificate for " + email, e);
        }
    }
}
