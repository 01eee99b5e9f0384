package org.envelopelab.pki;

/**
 * What a certificate is asked to do in S/MIME. The roles need different key usages (RFC 8550
 * section 4.4.2): a recipient's key must be allowed to take a content key (keyEncipherment for
 * RSA, keyAgreement for EC), a signer's key to sign (digitalSignature or nonRepudiation).
 */
public enum SmimeRole {
    /** Someone a message is encrypted to. */
    RECIPIENT,
    /** Someone whose signature is made or checked. */
    SIGNER
}
