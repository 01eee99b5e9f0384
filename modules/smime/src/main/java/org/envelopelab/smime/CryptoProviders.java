package org.envelopelab.smime;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.security.Provider;
import java.security.Security;

/**
 * Which JCA provider does what. The JDK's SunJCE does AES (with the CPU's AES-NI and carry-less
 * multiply instructions, several GB/s for GCM) and RSA; Bouncy Castle's provider does AES in pure
 * Java, so it only does what the JDK lacks: ECDH with the X9.63 KDF that CMS uses (RFC 5753).
 * Bouncy Castle is used as an object, never registered, so the lab changes no global JVM state.
 * It is made on first use only: building Bouncy Castle's provider loads hundreds of classes and
 * computes elliptic-curve constants, most of a second in a fresh JVM, which a command that never
 * meets an EC key ({@code lab smime decrypt} with an RSA key) should not pay.
 */
final class CryptoProviders {

    /** The JDK's provider of AES-GCM, AES-CBC, AES-CTR and RSA ciphers. */
    static final Provider JDK_CIPHERS = require("SunJCE");

    private CryptoProviders() {
    }

    /** Bouncy Castle's provider, made the first time it is asked for. */
    static Provider bouncyCastle() {
        return BouncyCastle.PROVIDER;
    }

    /** The holder idiom: the JVM makes the provider when this class is first used, once, thread-safely. */
    private static final class BouncyCastle {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }

    private static Provider require(String name) {
        Provider provider = Security.getProvider(name);
        if (provider == null) {
            throw new IllegalStateException("this JVM has no " + name + " provider");
        }
        return provider;
    }
}
