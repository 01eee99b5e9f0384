package org.envelopelab.smime.client;

import org.envelopelab.pki.CertificateValidator;
import org.envelopelab.pki.Certificates;

import java.security.cert.X509Certificate;

/**
 * A client's judgement of a signature: does it match the content, is the signer's certificate
 * good (chain to a trusted CA, not expired, not revoked), and is it the From address's certificate.
 *
 * @param signer         the signer's certificate
 * @param signatureValid whether the signature matches the content (false: changed after signing)
 * @param problem        what is wrong with the signature itself; empty when valid
 * @param chain          the certificate check
 * @param fromMatches    whether the From address is one of the certificate's addresses
 * @param from           the From address
 */
public record SignatureCheck(X509Certificate signer, boolean signatureValid, String problem,
                             CertificateValidator.Verdict chain, boolean fromMatches, String from) {

    /** Good only when all three hold. */
    public boolean trustworthy() {
        return signatureValid && chain.valid() && fromMatches;
    }

    public String summary() {
        String who = signer == null ? "an unknown signer" : Certificates.commonName(signer) + " <" + Certificates.email(signer) + ">";
        if (!signatureValid) {
            return "signature by " + who + " is INVALID: " + problem;
        }
        if (!fromMatches) {
            return "signature by " + who + " is valid, but the message claims to be from " + from;
        }
        if (!chain.valid()) {
            return "signature by " + who + " matches, but the certificate is not good: " + chain.explanation();
        }
        return "signature by " + who + " verified; certificate " + chain.explanation();
    }
}
