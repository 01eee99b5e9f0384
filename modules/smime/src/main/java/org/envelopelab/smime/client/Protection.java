package org.envelopelab.smime.client;

import org.envelopelab.smime.EncryptionOptions;
import org.envelopelab.smime.SignatureForm;

/**
 * What the sender's client does to a message before it submits it.
 *
 * @param sign    sign with the sender's own key (clear-signed unless {@code form} says opaque)
 * @param encrypt encrypt for every recipient and the sender
 * @param form    the signature form
 * @param options the content cipher and RSA key transport
 */
public record Protection(boolean sign, boolean encrypt, SignatureForm form, EncryptionOptions options) {

    /** Sign, then encrypt with AES-256-GCM: the lab's default, per RFC 8551. */
    public static Protection signAndEncrypt() {
        return new Protection(true, true, SignatureForm.CLEAR, EncryptionOptions.defaults());
    }

    /** Clear-signed only: everyone can read it; it proves who wrote it and hands over the certificate. */
    public static Protection signOnly() {
        return new Protection(true, false, SignatureForm.CLEAR, EncryptionOptions.defaults());
    }

    public Protection {
        if (!sign && !encrypt) {
            throw new IllegalArgumentException("S/MIME protection signs, encrypts, or both");
        }
    }

    public String describe() {
        String what = sign && encrypt ? "signed, then encrypted" : sign ? "signed" : "encrypted";
        return encrypt ? what + " with " + options.cipher().label() : what + (form == SignatureForm.OPAQUE ? " (opaque)" : " (clear)");
    }
}
