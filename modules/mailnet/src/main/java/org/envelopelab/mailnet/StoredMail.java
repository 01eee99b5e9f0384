package org.envelopelab.mailnet;

/**
 * One message as a server holds it.
 *
 * @param folder the folder it is in
 * @param uid    its IMAP UID in that folder
 * @param raw    the RFC 5322 bytes, as stored
 */
public record StoredMail(String folder, long uid, byte[] raw) {

    /** The headers and MIME structure, parsed from {@link #raw()}. */
    public MailSummary summary() {
        return MailSummary.parse(raw);
    }
}
