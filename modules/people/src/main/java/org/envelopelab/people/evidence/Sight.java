package org.envelopelab.people.evidence;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a party could make of what it held or was shown: each part's access, the file names in the
 * clear, how the content travelled, and every text it could see (where the timeline looks for the
 * scenario's secrets).
 *
 * @param headers         the headers (From, To, Subject...)
 * @param body            the body text
 * @param attachments     the attachments
 * @param attachmentNames the file names in the clear
 * @param form            how the content travelled, e.g. "plain MIME" or "S/MIME encrypted (authEnveloped-data)"
 * @param format          which kind of message it is
 * @param visibleText     every decoded text the party could see
 */
public record Sight(Access headers, Access body, Access attachments, List<String> attachmentNames, String form,
                    Format format, String visibleText) {

    /** The kinds of message a party may hold. */
    public enum Format {
        PLAIN,
        /** Signed and/or encrypted by the sender's client. */
        SMIME,
        /** Protected by the organization's message encryption service (what inside recipients get). */
        PROTECTED,
        /** The service's wrapper for outside recipients: a link to the portal, no content. */
        WRAPPER,
        /** Bytes that do not parse as a message. */
        UNREADABLE
    }

    public Sight {
        attachmentNames = List.copyOf(attachmentNames);
    }

    /** What a reader without keys makes of these bytes (see {@link ContentInspector}). */
    public static Sight of(byte[] raw) {
        return ContentInspector.inspect(raw);
    }

    /** What a page showed: a subject and sender, texts, and files by name with their contents. */
    public static Sight shown(String form, String visibleText, boolean bodyShown, List<String> attachmentNames) {
        return new Sight(Access.READABLE, bodyShown ? Access.READABLE : Access.NONE,
                attachmentNames.isEmpty() ? Access.NONE : Access.READABLE, attachmentNames, form, Format.PLAIN, visibleText);
    }

    /** Whether the body is there but could not be read. */
    public boolean encrypted() {
        return body == Access.ENCRYPTED;
    }

    /** The labels of the secrets whose values appear in the visible text (spacing and case ignored). */
    public List<String> secretsIn(Map<String, String> secrets) {
        String haystack = normalize(visibleText);
        return secrets.entrySet().stream()
                .filter(secret -> haystack.contains(normalize(secret.getValue())))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    private static String normalize(String text) {
        return text.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
