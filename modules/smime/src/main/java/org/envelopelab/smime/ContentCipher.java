package org.envelopelab.smime;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The symmetric cipher that encrypts the content of an S/MIME message (RFC 8551 section 2.7).
 * GCM ciphers are authenticated: they travel in AuthEnvelopedData (RFC 5083/5084) and any change
 * to the ciphertext is detected. CBC ciphers travel in EnvelopedData and are not: the EFAIL lesson
 * shows what that allows.
 */
public enum ContentCipher {
    AES_256_GCM("aes-256-gcm", CMSAlgorithm.AES256_GCM, 256, true),
    AES_128_GCM("aes-128-gcm", CMSAlgorithm.AES128_GCM, 128, true),
    AES_256_CBC("aes-256-cbc", CMSAlgorithm.AES256_CBC, 256, false),
    AES_128_CBC("aes-128-cbc", CMSAlgorithm.AES128_CBC, 128, false);

    private final String label;
    private final ASN1ObjectIdentifier oid;
    private final int keyBits;
    private final boolean authenticated;

    ContentCipher(String label, ASN1ObjectIdentifier oid, int keyBits, boolean authenticated) {
        this.label = label;
        this.oid = oid;
        this.keyBits = keyBits;
        this.authenticated = authenticated;
    }

    /** True for GCM: the message is AuthEnvelopedData and tampering fails the tag check. */
    public boolean authenticated() {
        return authenticated;
    }

    /** The name scenarios and the command line use, as OpenSSL spells it: aes-256-gcm, ... */
    public String label() {
        return label;
    }

    public int keyBits() {
        return keyBits;
    }

    ASN1ObjectIdentifier oid() {
        return oid;
    }

    /** The cipher for a label; the error lists the labels there are. */
    public static ContentCipher ofLabel(String label) {
        for (ContentCipher cipher : values()) {
            if (cipher.label.equals(label.toLowerCase(Locale.ROOT))) {
                return cipher;
            }
        }
        throw new IllegalArgumentException("unknown content cipher '" + label + "' (content ciphers: "
                + Arrays.stream(values()).map(ContentCipher::label).collect(Collectors.joining(", ")) + ")");
    }

    /** The cipher a CMS AlgorithmIdentifier names, if the lab knows it. */
    static Optional<ContentCipher> ofOid(ASN1ObjectIdentifier oid) {
        return Arrays.stream(values()).filter(cipher -> cipher.oid.equals(oid)).findFirst();
    }
}
