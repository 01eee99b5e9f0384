package org.envelopelab.scenario.script;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The media type of an attachment: guessed from the file name's extension when the script does
 * not give one, the way a mail client does when you attach a file.
 */
final class MediaTypes {

    static final String UNKNOWN = "application/octet-stream";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("txt", "text/plain"),
            Map.entry("csv", "text/csv"),
            Map.entry("html", "text/html"),
            Map.entry("htm", "text/html"),
            Map.entry("json", "application/json"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("eml", "message/rfc822"));

    /** type/subtype, optionally followed by parameters such as "; charset=utf-8". */
    private static final Pattern MEDIA_TYPE = Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*(\\s*;.*)?");

    private MediaTypes() {
    }

    static String forFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return BY_EXTENSION.getOrDefault(extension, UNKNOWN);
    }

    static boolean isMediaType(String text) {
        return MEDIA_TYPE.matcher(text).matches();
    }

    /** Whether a secret written in an attachment of this type can be found by reading its bytes as text. */
    static boolean isText(String mediaType) {
        return mediaType.toLowerCase(Locale.ROOT).startsWith("text/");
    }
}
