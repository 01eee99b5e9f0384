package org.envelopelab.people.writing;

import org.envelopelab.smime.client.Protection;

import java.util.List;
import java.util.stream.Stream;

/**
 * What a person writes before their client turns it into MIME: who to, the subject, a text
 * and/or HTML body, and files.
 *
 * @param from        the sender's address (must be an account in the world)
 * @param to          To addresses
 * @param cc          Cc addresses
 * @param bcc         Bcc addresses (submitted, never written into the message)
 * @param subject     the subject
 * @param text        the text/plain body; empty for none
 * @param html        the text/html body; empty for none
 * @param attachments files to attach
 * @param messageId   the Message-ID to use, angle brackets included; null to let the client make one
 * @param protection  what the sender's client does with S/MIME before submitting; null for plain mail
 */
public record Draft(String from, List<String> to, List<String> cc, List<String> bcc, String subject, String text,
                    String html, List<Attachment> attachments, String messageId, Protection protection) {

    public Draft {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
        attachments = List.copyOf(attachments);
        text = text == null ? "" : text;
        html = html == null ? "" : html;
        subject = subject == null ? "" : subject;
    }

    /** Plain mail: no S/MIME. */
    public Draft(String from, List<String> to, List<String> cc, List<String> bcc, String subject, String text,
                 String html, List<Attachment> attachments, String messageId) {
        this(from, to, cc, bcc, subject, text, html, attachments, messageId, null);
    }

    /** A plain-text message to one recipient. */
    public static Draft text(String from, String to, String subject, String text) {
        return new Draft(from, List.of(to), List.of(), List.of(), subject, text, "", List.of(), null);
    }

    /** The same draft, to be protected with S/MIME by the sender's client. */
    public Draft withProtection(Protection newProtection) {
        return new Draft(from, to, cc, bcc, subject, text, html, attachments, messageId, newProtection);
    }

    public boolean usesSmime() {
        return protection != null;
    }

    public List<String> recipients() {
        return Stream.of(to, cc, bcc).flatMap(List::stream).toList();
    }

    /**
     * A file attached to a draft.
     *
     * @param name        the file name
     * @param contentType its media type
     * @param content     its bytes
     */
    public record Attachment(String name, String contentType, byte[] content) {
    }
}
