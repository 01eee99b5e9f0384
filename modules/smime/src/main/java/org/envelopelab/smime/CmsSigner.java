package org.envelopelab.smime;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.smime.SMIMECapabilitiesAttribute;
import org.bouncycastle.asn1.smime.SMIMECapabilityVector;
import org.bouncycastle.asn1.smime.SMIMEEncryptionKeyPreferenceAttribute;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.CollectionStore;
import org.envelopelab.pki.Certificates;
import org.envelopelab.pki.Credential;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Turns a person's credential into a CMS signer (RFC 8551 section 2): SHA-256 with RSA PKCS#1 v1.5
 * (sha256WithRSAEncryption) for RSA keys or ECDSA for EC keys, the signer's chain, and the signed
 * attributes a receiving client reads: content type, message digest and signing time (RFC 5652),
 * the S/MIME capabilities (which ciphers to use when replying) and the encryption key preference
 * (which certificate to encrypt to).
 */
final class CmsSigner {

    /** The same for every signature: made once. */
    private static final SMIMECapabilitiesAttribute CAPABILITIES = new SMIMECapabilitiesAttribute(capabilities());

    private CmsSigner() {
    }

    static CMSSignedDataGenerator generator(Credential signer, Instant signingTime) throws SmimeException {
        if (!signer.keyMatchesCertificate()) {
            // OpenSSL refuses too: the signature would name this certificate and never verify against it.
            throw new SmimeException("the private key does not belong to the certificate of "
                    + Certificates.describe(signer.certificate()) + ", so a signature made with it would never verify");
        }
        String algorithm = switch (signer.privateKey().getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> throw new SmimeException("cannot sign with a " + signer.privateKey().getAlgorithm()
                    + " key: S/MIME in the lab signs with RSA and EC keys");
        };
        try {
            ContentSigner contentSigner = new JcaContentSignerBuilder(algorithm).build(signer.privateKey());
            X509CertificateHolder certificate = CertificateHolders.of(signer.certificate());
            // The identity finder keeps sha256WithRSAEncryption in the SignerInfo (RFC 5754) rather than plain rsaEncryption.
            SignerInfoGenerator info = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build(), signature -> signature)
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(attributes(certificate, signingTime)))
                    .build(contentSigner, certificate);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(info);
            List<X509CertificateHolder> chain = new ArrayList<>();
            for (X509Certificate member : signer.chain()) {
                chain.add(CertificateHolders.of(member));
            }
            generator.addCertificates(new CollectionStore<>(chain));
            return generator;
        } catch (OperatorCreationException | CertificateEncodingException | IOException | CMSException e) {
            throw new SmimeException("cannot sign as " + Certificates.describe(signer.certificate()) + ": " + e.getMessage(), e);
        }
    }

    private static AttributeTable attributes(X509CertificateHolder certificate, Instant signingTime) {
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
        attributes.add(CAPABILITIES);
        attributes.add(new SMIMEEncryptionKeyPreferenceAttribute(
                new IssuerAndSerialNumber(certificate.getIssuer(), certificate.getSerialNumber())));
        return new AttributeTable(attributes);
    }

    /** The content ciphers the lab reads, most preferred first. */
    private static SMIMECapabilityVector capabilities() {
        SMIMECapabilityVector capabilities = new SMIMECapabilityVector();
        for (ContentCipher cipher : ContentCipher.values()) {
            capabilities.addCapability(cipher.oid());
        }
        return capabilities;
    }
}
