package org.envelopelab.smime;

/**
 * How a signed message is packaged (RFC 8551 section 3.5). CLEAR is multipart/signed: the content
 * stays readable by clients that know nothing of S/MIME, and the signature rides along as an
 * attachment. OPAQUE is application/pkcs7-mime; smime-type=signed-data: the content sits inside
 * the signature, so only S/MIME clients can show it, but no relay can reformat it.
 */
public enum SignatureForm {
    CLEAR,
    OPAQUE
}
