package org.envelopelab.service.protection;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Security;

/**
 * Where the service's symmetric cryptography comes from: the JDK's SunJCE, whose AES uses the
 * CPU's AES-NI and carry-less multiply instructions. Per-message work is AES-GCM, one AES key wrap,
 * one HMAC and one SHA-256 — no public-key operation — so protecting costs the same for one
 * recipient as for fifty.
 */
final class JdkCiphers {

    private static final Provider SUN_JCE = require("SunJCE");

    private JdkCiphers() {
    }

    static Cipher cipher(String transformation) throws GeneralSecurityException {
        return Cipher.getInstance(transformation, SUN_JCE);
    }

    static Mac hmacSha256() throws GeneralSecurityException {
        return Mac.getInstance("HmacSHA256", SUN_JCE);
    }

    static MessageDigest sha256() throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-256");
    }

    private static Provider require(String name) {
        Provider provider = Security.getProvider(name);
        if (provider == null) {
            throw new IllegalStateException("this JVM has no " + name + " provider");
        }
        return provider;
    }
}
