package org.envelopelab.pki;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A certificate authority, as an organization (or a public CA) runs one for S/MIME: a
 * self-signed root that issues user certificates with the address in subjectAltName, S/MIME key
 * usage and the emailProtection extended key usage, and publishes revocations as a CRL. Its own
 * private key never leaves this object.
 */
public final class CertificateAuthority {

    /** Why a certificate was revoked (RFC 5280 CRLReason). */
    public enum RevocationReason {
        UNSPECIFIED(CRLReason.unspecified),
        KEY_COMPROMISE(CRLReason.keyCompromise),
        AFFILIATION_CHANGED(CRLReason.affiliationChanged),
        SUPERSEDED(CRLReason.superseded),
        CESSATION_OF_OPERATION(CRLReason.cessationOfOperation);

        private final int code;

        RevocationReason(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public static RevocationReason ofCode(int code) {
            for (RevocationReason reason : values()) {
                if (reason.code == code) {
                    return reason;
                }
            }
            return UNSPECIFIED;
        }
    }

    private static final Duration ROOT_VALIDITY = Duration.ofDays(3650);
    private static final Duration USER_VALIDITY = Duration.ofDays(365);
    /** Certificates start a little in the past, so a clock a few minutes behind still accepts them. */
    private static final Duration BACKDATE = Duration.ofHours(1);
    private static final Duration CRL_LIFETIME = Duration.ofDays(7);

    private final String name;
    private final String organization;
    private final KeyPair keys;
    private final X509Certificate certificate;
    private final Clock clock;
    private final SecureRandom random;
    private final AtomicLong serials = new AtomicLong(1);
    private final Map<BigInteger, Revocation> revoked = new ConcurrentHashMap<>();

    /** When and why a certificate was revoked. */
    public record Revocation(Instant at, RevocationReason reason) {
    }

    private CertificateAuthority(String name, String organization, KeyPair keys, Clock clock, SecureRandom random)
            throws GeneralSecurityException {
        this.name = name;
        this.organization = organization;
        this.keys = keys;
        this.clock = clock;
        this.random = random;
        this.certificate = selfSigned();
    }

    private CertificateAuthority(Credential own, Clock clock, SecureRandom random) {
        this.certificate = own.certificate();
        this.name = Certificates.commonName(certificate);
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        var organizations = subject.getRDNs(BCStyle.O);
        this.organization = organizations.length == 0 ? name
                : org.bouncycastle.asn1.x500.style.IETFUtils.valueToString(organizations[0].getFirst().getValue());
        this.keys = new KeyPair(certificate.getPublicKey(), own.privateKey());
        this.clock = clock;
        this.random = random;
    }

    /**
     * A CA brought back from disk: its own key and certificate, the last serial it used, and the
     * revocations it made (see {@link CaFolder}).
     */
    public static CertificateAuthority restore(Credential own, long lastSerial, Map<BigInteger, Instant> revokedAt,
                                               Map<BigInteger, RevocationReason> reasons, Clock clock, SecureRandom random) {
        CertificateAuthority ca = new CertificateAuthority(own, clock, random);
        ca.serials.set(lastSerial);
        revokedAt.forEach((serial, at) -> ca.revoked.put(serial,
                new Revocation(at, reasons.getOrDefault(serial, RevocationReason.UNSPECIFIED))));
        return ca;
    }

    /** The CA's own key and certificate, for keeping it on disk. */
    Credential ownCredential() {
        return new Credential(keys.getPrivate(), certificate, List.of(certificate));
    }

    long lastSerial() {
        return serials.get();
    }

    /** Each revoked serial with when and why, for keeping on disk. */
    Map<BigInteger, java.util.Map.Entry<Instant, RevocationReason>> revocations() {
        Map<BigInteger, java.util.Map.Entry<Instant, RevocationReason>> copy = new java.util.TreeMap<>();
        revoked.forEach((serial, revocation) -> copy.put(serial, java.util.Map.entry(revocation.at(), revocation.reason())));
        return copy;
    }

    /**
     * Creates a root CA with an RSA-2048 key, valid ten years from the clock's now.
     *
     * @param name         its common name, e.g. "Contoso Root CA"
     * @param organization the organization that runs it
     * @param clock        the lab clock (validity, CRL dates)
     * @param random       the randomness for its keys and its users' keys
     */
    public static CertificateAuthority create(String name, String organization, Clock clock, SecureRandom random) {
        try {
            return new CertificateAuthority(name, organization, KeyType.RSA_2048.generate(random), clock, random);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the CA " + name, e);
        }
    }

    public String name() {
        return name;
    }

    public String organization() {
        return organization;
    }

    /** The CA's own (self-signed) certificate: what a client adds to its trusted CAs. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** Issues a certificate valid for a year from now, with a fresh key of the given type. */
    public Credential issue(String email, String commonName, KeyType type) {
        Instant now = clock.instant();
        return issue(email, commonName, type, now.minus(BACKDATE), now.plus(USER_VALIDITY));
    }

    /** Issues a certificate with explicit validity (lessons about expired certificates use this). */
    public Credential issue(String email, String commonName, KeyType type, Instant notBefore, Instant notAfter) {
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("a certificate must end after it starts");
        }
        KeyPair subjectKeys = type.generate(random);
        try {
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.O, organization)
                    .addRDN(BCStyle.CN, commonName)
                    .build();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate,
                    BigInteger.valueOf(serials.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
                    subject, subjectKeys.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(type.isRsa()
                    ? KeyUsage.digitalSignature | KeyUsage.nonRepudiation | KeyUsage.keyEncipherment
                    : KeyUsage.digitalSignature | KeyUsage.nonRepudiation | KeyUsage.keyAgreement));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_emailProtection));
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.rfc822Name, email.toLowerCase(java.util.Locale.ROOT))));
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKeys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(certificate));
            X509Certificate issued = sign(builder);
            return new Credential(subjectKeys.getPrivate(), issued, List.of(issued, certificate));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot issue a certificate for " + email, e);
        }
    }

    /**
     * Revokes a certificate this CA issued; the next {@link #crl()} lists it. A revocation stands:
     * revoking again changes neither its date nor its reason.
     *
     * @return the revocation in force: this one, or the earlier one
     */
    public Revocation revoke(X509Certificate issued, RevocationReason reason) {
        if (!issued.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())) {
            throw new IllegalArgumentException(Certificates.describe(issued) + " was not issued by " + name);
        }
        Revocation earlier = revoked.putIfAbsent(issued.getSerialNumber(), new Revocation(clock.instant(), reason));
        return earlier == null ? revoked.get(issued.getSerialNumber()) : earlier;
    }

    /** The revocation of a certificate this CA issued, if it was revoked. */
    public java.util.Optional<Revocation> revocation(X509Certificate issued) {
        return java.util.Optional.ofNullable(revoked.get(issued.getSerialNumber()));
    }

    public boolean isRevoked(X509Certificate issued) {
        return revoked.containsKey(issued.getSerialNumber());
    }

    /** A CRL signed now, valid for a week, listing every revocation so far. */
    public X509CRL crl() {
        Instant now = clock.instant();
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(
                    new X509CertificateHolder(certificate.getEncoded()).getSubject(), Date.from(now));
            builder.setNextUpdate(Date.from(now.plus(CRL_LIFETIME)));
            revoked.forEach((serial, revocation) ->
                    builder.addCRLEntry(serial, Date.from(revocation.at()), revocation.reason().code()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(certificate));
            return new JcaX509CRLConverter().getCRL(builder.build(signer()));
        } catch (GeneralSecurityException | java.io.IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot sign the CRL of " + name, e);
        }
    }

    private X509Certificate selfSigned() throws GeneralSecurityException {
        Instant now = clock.instant();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, organization)
                .addRDN(BCStyle.CN, name)
                .build();
        PublicKey publicKey = keys.getPublic();
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.ONE,
                    Date.from(now.minus(BACKDATE)), Date.from(now.plus(ROOT_VALIDITY)), subject, publicKey);
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(publicKey));
            return sign(builder);
        } catch (CertIOException e) {
            throw new GeneralSecurityException("cannot build the root certificate", e);
        }
    }

    private X509Certificate sign(X509v3CertificateBuilder builder) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer()));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign with the key of " + name, e);
        }
    }

    private ContentSigner signer() throws OperatorCreationException {
        return new JcaContentSignerBuilder(KeyType.RSA_2048.signatureAlgorithm()).build(keys.getPrivate());
    }

    @Override
    public String toString() {
        return name;
    }
}
