package org.envelopelab.service.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the rules can see of a message: the envelope, the subject, the text a reader would read,
 * and the text of text attachments. For S/MIME-encrypted or opaque-signed mail the body and the
 * attachments are sealed, so only the envelope and the headers are seen — the lesson of the
 * S/MIME side: the organization's own rules go blind too.
 *
 * @param sender             the envelope sender (or the From address)
 * @param recipients         the envelope recipients (or To, Cc and Bcc)
 * @param subject            the decoded subject, empty when there is none
 * @param bodyText           the text a reader reads: text/plain, or HTML reduced to its text
 * @param attachments        the attachments, with their text when they are text
 * @param smimeOpaque        the message is S/MIME-encrypted or opaque-signed: body and attachments are unseen
 * @param protectedByService the message, or a part of it, is one this service protected
 * @param requestedTemplate  the rights template the sender's client asked for ({@value #PROTECT_HEADER}), or null
 */
public record MailFacts(String sender, List<String> recipients, String subject, String bodyText,
                        List<AttachmentText> attachments, boolean smimeOpaque, boolean protectedByService,
                        String requestedTemplate) {

    /** The content type of a message this service protected (the lab's stand-in for message.rpmsg). */
    public static final String PROTECTED_TYPE = "application/vnd.envelopelab.protected-message";
    /** The header a sender's client sets to ask for a rights template, as Outlook's "Encrypt" button does. */
    public static final String PROTECT_HEADER = "X-EnvelopeLab-Protect";

    /**
     * An attachment as the rules see it.
     *
     * @param name        its file name, or a description when it has none
     * @param contentType its MIME type without parameters, e.g. "text/csv"
     * @param text        its text when it is a text attachment, otherwise null
     */
    public record AttachmentText(String name, String contentType, String text) {
    }

    public MailFacts {
        sender = sender == null ? "" : sender.strip();
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        subject = subject == null ? "" : subject;
        bodyText = bodyText == null ? "" : bodyText;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        requestedTemplate = requestedTemplate == null || requestedTemplate.isBlank() ? null : requestedTemplate.strip();
    }

    public boolean hasAttachments() {
        return !attachments.isEmpty();
    }

    /**
     * Reads raw RFC 5322 bytes: decodes quoted-printable and base64, takes text/plain and
     * text/html (reduced to text) body parts and the text of text/* attachments. Empty envelope
     * values fall back to the From, To, Cc and Bcc headers.
     *
     * @throws IllegalArgumentException when the bytes are not a readable message
     */
    public static MailFacts of(byte[] raw, String envelopeSender, List<String> envelopeRecipients) {
        Objects.requireNonNull(raw, "raw");
        return MessageReader.read(raw, envelopeSender, envelopeRecipients);
    }

    /** The texts body conditions search: the body first, then each text attachment, each named for a reason. */
    List<Passage> passages() {
        List<Passage> passages = new ArrayList<>();
        passages.add(new Passage("the body", bodyText));
        for (AttachmentText attachment : attachments) {
            if (attachment.text() != null) {
                passages.add(new Passage("the attachment " + attachment.name(), attachment.text()));
            }
        }
        return passages;
    }
}
