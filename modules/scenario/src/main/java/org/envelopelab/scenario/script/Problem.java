package org.envelopelab.scenario.script;

/**
 * One thing wrong with a scenario script, located by file and line. It prints as
 * {@code source:line: message}, the form editors and terminals turn into a link to the line.
 *
 * @param source  the file, as the user named it
 * @param line    the 1-based line of the offending node (1 for problems with the file as a whole)
 * @param message what is wrong, in the words of the format's documentation (scenarios/README.md)
 */
public record Problem(String source, int line, String message) {

    /** Line breaks and control characters copied from the input are escaped, so a problem stays on one line. */
    public Problem {
        source = oneLine(source);
        message = oneLine(message);
    }

    /** The text with CR, LF, tab and other control characters written as escapes ({@code \\r}, {@code \\u0001}). */
    public static String oneLine(String text) {
        if (text.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029 || c == 0x85)) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        text.chars().forEach(c -> {
            switch (c) {
                case '\r' -> escaped.append("\\r");
                case '\n' -> escaped.append("\\n");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029 || c == 0x85) {
                        escaped.append(String.format("\\u%04x", c));
                    } else {
                        escaped.append((char) c);
                    }
                }
            }
        });
        return escaped.toString();
    }

    @Override
    public String toString() {
        return source + ":" + line + ": " + message;
    }
}
