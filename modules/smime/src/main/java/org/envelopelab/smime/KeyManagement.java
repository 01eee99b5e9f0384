package org.envelopelab.smime;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAESOAEPparams;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.KeyAgreeRecipientInformation;
import org.bouncycastle.cms.KeyTransRecipientInformation;
import org.bouncycastle.cms.PKIXRecipientId;
import org.bouncycastle.cms.Recipient;
import org.bouncycastle.cms.RecipientId;
import org.bouncycastle.cms.RecipientInfoGenerator;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.jcajce.JceAsymmetricKeyWrapper;
import org.bouncycastle.util.encoders.Hex;
import org.envelopelab.pki.Certificates;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;

/**
 * How the content key reaches each recipient (RFC 8551 section 2.7.1, RFC 5652 section 6.2): for
 * an RSA certificate the key is encrypted to it (key transport, PKCS#1 v1.5 or RSAES-OAEP); for an
 * EC certificate the sender makes a fresh key pair for this message, agrees a key-encryption key
 * with the recipient's public key by ECDH, and wraps the content key with AES key wrap (ECDH
 * ephemeral-static, RFC 5753). One message can mix both.
 */
final class KeyManagement {

    /** SHA-256 as RFC 4055 writes it inside OAEP parameters: with NULL parameters. */
    private static final AlgorithmIdentifier SHA256 = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE);

    /**
     * RSAES-OAEP with SHA-256 and MGF1-SHA-256, both named. Leaving them out would mean SHA-1 (the
     * ASN.1 default), which is also what OpenSSL assumes when it is not told otherwise.
     */
    static final AlgorithmIdentifier RSA_OAEP_SHA256 = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSAES_OAEP,
            new RSAESOAEPparams(SHA256, new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, SHA256),
                    RSAESOAEPparams.DEFAULT_P_SOURCE_ALGORITHM));

    /** dhSinglePass-stdDH-sha256kdf-scheme: ECDH, then the X9.63 KDF with SHA-256 (RFC 5753, RFC 8551's choice). */
    static final ASN1ObjectIdentifier ECDH_SHA256_KDF = CMSAlgorithm.ECDH_SHA256KDF;

    private static final Map<ASN1ObjectIdentifier, String> KEY_AGREEMENT_KDFS = Map.of(
            X9ObjectIdentifiers.dhSinglePass_stdDH_sha1kdf_scheme, "SHA-1",
            SECObjectIdentifiers.dhSinglePass_stdDH_sha224kdf_scheme, "SHA-224",
            SECObjectIdentifiers.dhSinglePass_stdDH_sha256kdf_scheme, "SHA-256",
            SECObjectIdentifiers.dhSinglePass_stdDH_sha384kdf_scheme, "SHA-384",
            SECObjectIdentifiers.dhSinglePass_stdDH_sha512kdf_scheme, "SHA-512");

    private KeyManagement() {
    }

    /** The RecipientInfo generator that gets the content key to this certificate's holder. */
    static RecipientInfoGenerator forRecipient(X509Certificate certificate, KeyTransport transport) throws SmimeException {
        PublicKey key = certificate.getPublicKey();
        try {
            if (key instanceof RSAPublicKey) {
                // The JDK's SunJCE does the RSA: a recipient certificate issued with a JDK key is a JDK key.
                return transport == KeyTransport.RSA_OAEP_SHA256
                        ? new JceKeyTransRecipientInfoGenerator(certificate, new JceAsymmetricKeyWrapper(RSA_OAEP_SHA256, key))
                        : new JceKeyTransRecipientInfoGenerator(certificate);
            }
            if (key instanceof ECPublicKey ecKey) {
                // A fresh ephemeral key per recipient and message: that is what makes it ephemeral-static.
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", CryptoProviders.bouncyCastle());
                generator.initialize(ecKey.getParams());
                KeyPair ephemeral = generator.generateKeyPair();
                return new JceKeyAgreeRecipientInfoGenerator(ECDH_SHA256_KDF, ephemeral.getPrivate(), ephemeral.getPublic(),
                        CMSAlgorithm.AES256_WRAP)
                        .setProvider(CryptoProviders.bouncyCastle())
                        .addRecipient(certificate);
            }
        } catch (GeneralSecurityException e) {
            throw new SmimeException("cannot encrypt for " + Certificates.describe(certificate) + ": " + e.getMessage(), e);
        }
        throw new SmimeException("cannot encrypt for " + Certificates.describe(certificate) + ": its key is "
                + key.getAlgorithm() + ", and S/MIME encrypts to RSA and EC keys");
    }

    /**
     * The Bouncy Castle recipient that recovers the content key for this RecipientInfo with our private key.
     *
     * @param bufferSize how much content the decryptor works on at a time (see {@link StreamBuffers})
     */
    static Recipient recipient(RecipientInformation info, PrivateKey key, int bufferSize) throws SmimeException {
        if (info instanceof KeyTransRecipientInformation) {
            return new TransportedKeyRecipient(key, bufferSize);
        }
        if (info instanceof KeyAgreeRecipientInformation) {
            return new AgreedKeyRecipient(key, bufferSize);
        }
        throw new SmimeException("the message gives this recipient the key by " + info.getClass().getSimpleName()
                + ", which an S/MIME mail client does not use");
    }

    /** "RSA PKCS#1 v1.5", "RSA-OAEP (SHA-256)", "ECDH P-256 (ephemeral-static)". */
    static String describe(RecipientInformation info, X509Certificate recipient) {
        AlgorithmIdentifier algorithm = info.getKeyEncryptionAlgorithm();
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        if (oid.equals(PKCSObjectIdentifiers.rsaEncryption)) {
            return "RSA PKCS#1 v1.5";
        }
        if (oid.equals(PKCSObjectIdentifiers.id_RSAES_OAEP)) {
            RSAESOAEPparams parameters = RSAESOAEPparams.getInstance(algorithm.getParameters());
            return "RSA-OAEP (" + DigestAlgorithms.name(parameters.getHashAlgorithm().getAlgorithm()) + ")";
        }
        if (KEY_AGREEMENT_KDFS.containsKey(oid)) {
            String curve = recipient.getPublicKey() instanceof ECPublicKey ecKey
                    ? "P-" + ecKey.getParams().getCurve().getField().getFieldSize() : "EC";
            String kdf = oid.equals(ECDH_SHA256_KDF) ? "" : ", " + KEY_AGREEMENT_KDFS.get(oid) + " KDF";
            return "ECDH " + curve + " (ephemeral-static" + kdf + ")";
        }
        return oid.getId();
    }

    /** Who a RecipientInfo is for, as far as it says: "serial 7 issued by Contoso Root CA". */
    static String describe(RecipientId id) {
        if (id instanceof PKIXRecipientId pkix) {
            if (pkix.getSerialNumber() != null && pkix.getIssuer() != null) {
                return "serial " + pkix.getSerialNumber() + " issued by " + commonName(pkix.getIssuer());
            }
            if (pkix.getSubjectKeyIdentifier() != null) {
                return "the key with subject key identifier " + Hex.toHexString(pkix.getSubjectKeyIdentifier());
            }
        }
        return "a recipient of type " + id.getClass().getSimpleName();
    }

    private static String commonName(X500Name name) {
        RDN[] cn = name.getRDNs(BCStyle.CN);
        return cn.length == 0 ? name.toString() : IETFUtils.valueToString(cn[0].getFirst().getValue());
    }
}
