package org.envelopelab.transport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A message in the transport: the SMTP envelope (who sends, who receives), the bytes, and where
 * it entered. A mail flow step may replace the content (encrypt it, say) but keeps the id, so
 * the ledger can follow one message from submission to every mailbox.
 *
 * @param id         the transport's id for this message, e.g. "T000001"
 * @param origin     the domain of the site where the message entered the transport
 * @param sender     the envelope sender (MAIL FROM)
 * @param recipients the envelope recipients (RCPT TO)
 * @param content    the RFC 5322 bytes
 * @param messageId  the Message-ID header, angle brackets included; empty when the message has none
 * @param kind       a person's message, a report the transport itself wrote (a non-delivery report),
 *                   a copy the organization's mail service made for compliance (a journal copy), or
 *                   a notice the service sent itself (a one-time passcode)
 * @param protectWith the rights template an organization's service is to apply to mail it writes
 *                   itself (a reply written in its portal carries its original's); null for none.
 *                   Mail people submit never carries one: the service's rules decide for it
 */
public record Envelope(String id, String origin, String sender, List<String> recipients, byte[] content,
                       String messageId, Kind kind, String protectWith) {

    public enum Kind { MESSAGE, REPORT, JOURNAL, NOTICE }

    public Envelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(content, "content");
        recipients = List.copyOf(recipients);
        messageId = messageId == null ? MessageIds.find(content) : messageId;
    }

    public Envelope(String id, String origin, String sender, List<String> recipients, byte[] content, Kind kind) {
        this(id, origin, sender, recipients, content, null, kind, null);
    }

    public Envelope(String id, String origin, String sender, List<String> recipients, byte[] content, String messageId,
                    Kind kind) {
        this(id, origin, sender, recipients, content, messageId, kind, null);
    }

    /** The same message with new content, e.g. after the service encrypted it. */
    public Envelope withContent(byte[] newContent) {
        return new Envelope(id, origin, sender, recipients, newContent, MessageIds.find(newContent), kind, protectWith);
    }

    /** The same message for some of its recipients only, with content of their own (a protected copy, a wrapper). */
    public Envelope forRecipients(List<String> some, byte[] newContent) {
        return new Envelope(id, origin, sender, some, newContent, messageId, kind, protectWith);
    }

    public int size() {
        return content.length;
    }

    @Override
    public String toString() {
        return id + " " + messageId + " from " + sender + " to " + recipients + " (" + content.length + " bytes)";
    }

    /** Reads the Message-ID header out of raw bytes without parsing the whole message. */
    static final class MessageIds {
        private MessageIds() {
        }

        static String find(byte[] content) {
            // Headers end at the first empty line; only look there, a line at a time.
            int end = headerLength(content);
            for (int start = 0; start < end; ) {
                int lineEnd = start;
                while (lineEnd < end && content[lineEnd] != '\n') {
                    lineEnd++;
                }
                if (lineEnd - start >= 11 && new String(content, start, 11, StandardCharsets.ISO_8859_1).equalsIgnoreCase("Message-ID:")) {
                    return new String(content, start + 11, lineEnd - start - 11, StandardCharsets.ISO_8859_1).trim();
                }
                start = lineEnd + 1;
            }
            return "";
        }

        private static int headerLength(byte[] content) {
            for (int i = 0; i + 1 < content.length; i++) {
                if (content[i] == '\n' && (content[i + 1] == '\n'
                        || (content[i + 1] == '\r' && i + 2 < content.length && content[i + 2] == '\n'))) {
                    return i;
                }
            }
            return content.length;
        }
    }
}
