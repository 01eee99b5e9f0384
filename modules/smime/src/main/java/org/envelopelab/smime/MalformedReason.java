package org.envelopelab.smime;

import java.io.EOFException;
import java.util.regex.Pattern;

/**
 * Why a message could not be parsed, in words a student can act on. The parsers' own messages
 * name Java types ("EOFException", "... cannot be cast to class ...", "corrupted stream -
 * out of bounds length found: 120 >= 37"); those mean the bytes end early or have the wrong
 * structure, and that is what the sentence says.
 */
final class MalformedReason {

    /** A Java type's name, or a parser's internal vocabulary, anywhere in a message. */
    private static final Pattern JAVA = Pattern.compile(
            "\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*|\\b\\w*(?:Exception|Error)\\b|cannot be cast|\\bclass\\b|\\bnull\\b");

    private MalformedReason() {
    }

    static String of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof EOFException) {
                return "it ends too early (truncated?)";
            }
            if (cause instanceof ClassCastException) {
                return "its structure is not what S/MIME (CMS, RFC 5652) says it should be";
            }
        }
        String message = failure.getMessage();
        if (message == null || message.isBlank() || JAVA.matcher(message).find()) {
            return "its bytes are not well-formed S/MIME (bad base64 or ASN.1)";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.chars().allMatch(c -> c >= 0x20 && c != 0x7F) ? line : "its bytes are not well-formed S/MIME";
    }
}
