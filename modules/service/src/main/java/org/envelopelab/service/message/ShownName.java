package org.envelopelab.service.message;

/**
 * A name a sender chose — a file name, a display name — as a person may be shown it: the
 * characters as written, in the order written. Bidi controls are taken out because they reorder
 * what follows them: "invoice", U+202E (right-to-left override), "fdp.exe" displays as
 * "invoiceexe.pdf". So is every other invisible formatting character (zero-width spaces,
 * joiners, soft hyphens), which can make two different names look alike. Control characters and
 * line or paragraph separators become spaces, so a name cannot break a line, a header or a table
 * it is printed in. Letters of right-to-left scripts stay: only the invisible characters that
 * steer the display go.
 *
 * <p>Every page, mail and report that shows such a name shows it through here: the portal's
 * message page and downloads, the wrapper, the passcode mail, the audit log and the scenario
 * transcript.
 */
public final class ShownName {

    private ShownName() {
    }

    /** The name without bidi and other invisible formatting characters, controls as spaces; "" for null. */
    public static String of(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder shown = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            switch (Character.getType(c)) {
                case Character.FORMAT -> { }
                case Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> shown.append(' ');
                case Character.SURROGATE -> shown.append('\uFFFD');
                default -> shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }
}
