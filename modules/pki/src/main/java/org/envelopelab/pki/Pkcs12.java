package org.envelopelab.pki;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Password-protected PKCS#12 files (.p12/.pfx) — how people carry a key and certificate into
 * Thunderbird or {@code openssl}. Written by the JDK's own PKCS12 key store, whose defaults
 * (PBES2 with AES-256 and HMAC-SHA-256) OpenSSL 3 and NSS read.
 */
public final class Pkcs12 {

    private Pkcs12() {
    }

    public static byte[] write(Credential credential, char[] password, String friendlyName) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(friendlyName, credential.privateKey(), password,
                    credential.chain().toArray(new Certificate[0]));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot write a PKCS#12 file for " + credential.email(), e);
        }
    }

    /** The first key entry of a PKCS#12 file. */
    public static Credential read(byte[] file, char[] password) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(file), password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    Key key = store.getKey(alias, password);
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate certificate : store.getCertificateChain(alias)) {
                        chain.add((X509Certificate) certificate);
                    }
                    return new Credential((PrivateKey) key, chain.get(0), chain);
                }
            }
            throw new IOException("the PKCS#12 file holds no private key");
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot open the PKCS#12 file: " + e.getMessage(), e);
        } catch (IOException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof javax.crypto.BadPaddingException || cause instanceof java.security.UnrecoverableKeyException) {
                    throw new IOException("cannot open the PKCS#12 file: wrong password?", e);
                }
            }
            // The parser's own words ("Tag number over 30 is not supported", "DER length more than 4 bytes")
            // describe ASN.1, not the file a student gave.
            throw new IOException("it is not a PKCS#12 file (.p12/.pfx), or it is damaged", e);
        }
    }
}
