package org.envelopelab.smime;

import jakarta.mail.internet.MimeMessage;

/**
 * What decrypting one S/MIME layer gave.
 *
 * @param content       the decrypted message: the outer headers with the decrypted body
 * @param cipher        the content cipher the sender chose
 * @param keyManagement how the content key reached this recipient, e.g. "RSA-OAEP (SHA-256)",
 *                      "RSA PKCS#1 v1.5", "ECDH P-256 (ephemeral-static)"
 */
public record Decryption(MimeMessage content, ContentCipher cipher, String keyManagement) {
}
