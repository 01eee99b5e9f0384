package org.envelopelab.smime;

import jakarta.mail.internet.MimeMessage;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * What checking one signature found. It says whether the signature matches the content and the
 * signer's certificate; whether that certificate deserves trust is the client's decision.
 *
 * @param content         the signed content as a message: the outer headers with the signed body
 * @param signer          the signer's certificate, or null when the message does not carry it
 * @param certificates    every certificate the signature carries, so a client can learn them (RFC 8550)
 * @param signatureValid  whether the signature matches the content
 * @param problem         empty when valid; otherwise one sentence saying what is wrong
 * @param signingTime     the signing time the signer claims, or null when absent
 * @param digestAlgorithm the digest the signature covers, e.g. "SHA-256"
 */
public record Verification(MimeMessage content, X509Certificate signer, List<X509Certificate> certificates,
                           boolean signatureValid, String problem, Instant signingTime, String digestAlgorithm) {

    public Verification {
        certificates = List.copyOf(certificates);
    }
}
