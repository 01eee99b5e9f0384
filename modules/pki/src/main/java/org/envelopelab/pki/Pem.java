package org.envelopelab.pki;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * PEM in and out, as {@code openssl} writes and reads it: certificates, CRLs, and PKCS#8 private
 * keys — encrypted with AES-256-CBC when a password is given.
 */
public final class Pem {

    private Pem() {
    }

    public static String write(Object... objects) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                if (!(object instanceof X509Certificate) && !(object instanceof X509CRL)) {
                    throw new IllegalArgumentException("write certificates and CRLs here; keys with privateKey()");
                }
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write PEM", e);
        }
        return text.toString();
    }

    /** A private key as PKCS#8 PEM, encrypted (AES-256-CBC, PBKDF2) unless the password is null. */
    public static String privateKey(PrivateKey key, char[] password) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            if (password == null) {
                writer.writeObject(new JcaPKCS8Generator(key, null));
            } else {
                writer.writeObject(new JcaPKCS8Generator(key, new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                        .setProvider(BouncyCastle.PROVIDER).setRandom(new SecureRandom()).setPassword(password).build()));
            }
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot write the private key", e);
        }
        return text.toString();
    }

    /** Every certificate in a PEM text, in order. */
    public static List<X509Certificate> certificates(String pem) throws IOException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Object object : objects(pem)) {
            if (object instanceof X509CertificateHolder holder) {
                try {
                    certificates.add(new JcaX509CertificateConverter().getCertificate(holder));
                } catch (GeneralSecurityException e) {
                    throw new IOException("a certificate in the PEM text cannot be read: " + e.getMessage(), e);
                }
            }
        }
        return certificates;
    }

    /** Every CRL in a PEM text, in order. */
    public static List<X509CRL> crls(String pem) throws IOException {
        List<X509CRL> crls = new ArrayList<>();
        for (Object object : objects(pem)) {
            if (object instanceof X509CRLHolder holder) {
                try {
                    crls.add(new JcaX509CRLConverter().getCRL(holder));
                } catch (java.security.cert.CRLException e) {
                    throw new IOException("a CRL in the PEM text cannot be read: " + e.getMessage(), e);
                }
            }
        }
        return crls;
    }

    /** The first private key in a PEM text (PKCS#8, encrypted PKCS#8, or a traditional key pair). */
    public static PrivateKey privateKey(String pem, char[] password) throws IOException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        for (Object object : objects(pem)) {
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (object instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                if (password == null) {
                    throw new IOException("the private key is encrypted: give its password");
                }
                try {
                    PrivateKeyInfo decrypted = JdkPbes2.decrypt(encrypted.toASN1Structure(), password);
                    return converter.getPrivateKey(decrypted != null ? decrypted : encrypted.decryptPrivateKeyInfo(
                            new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build(password)));
                } catch (PKCSException | OperatorCreationException | GeneralSecurityException e) {
                    throw new IOException("cannot decrypt the private key: wrong password?", e);
                }
            }
        }
        throw new IOException("no private key in the PEM text");
    }

    /**
     * OpenSSL's PEM encryption needs ciphers the JDK names differently; Bouncy Castle's provider has
     * them. It is made on first use only (most of a second in a fresh JVM): reading the keys
     * {@code lab pki} and OpenSSL write needs only the JDK ({@link JdkPbes2}).
     */
    private static final class BouncyCastle {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }

    private static List<Object> objects(String pem) throws IOException {
        List<Object> objects = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        }
        return objects;
    }
}
