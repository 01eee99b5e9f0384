package org.envelopelab.mailnet;

/**
 * One leaf of a message's MIME tree.
 *
 * @param path        its position, "1" for a single-part message, "1.2" for the second child
 * @param contentType the media type, e.g. {@code text/plain} or {@code application/pkcs7-mime}
 * @param fileName    the file name; empty when it has none
 * @param attachment  whether a mail client would list it as an attachment
 * @param size        the encoded size in bytes
 */
public record MailPart(String path, String contentType, String fileName, boolean attachment, int size) {
}
