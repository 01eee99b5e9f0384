package org.envelopelab.service.message;

/**
 * A file that came with a message.
 *
 * @param name  its file name, as the sender's client gave it
 * @param type  its media type without parameters, e.g. "application/pdf"
 * @param bytes its content, transfer encoding removed
 */
public record Attachment(String name, String type, byte[] bytes) {

    public Attachment {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
