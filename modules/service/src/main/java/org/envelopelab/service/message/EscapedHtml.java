package org.envelopelab.service.message;

/**
 * Text made safe to place in HTML the service writes: a subject, a sender's name or a branding
 * text is data, never markup. A sender named {@code <script>...} must show as those characters,
 * not run in a recipient's browser.
 */
public final class EscapedHtml {

    private EscapedHtml() {
    }

    /** The text with {@code & < > " '} replaced by character references; fit for element text and quoted attributes. */
    public static String of(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Escaped, with each line break kept as {@code <br>}: for multi-line branding texts. */
    public static String withLineBreaks(String text) {
        return of(text).replace("\r\n", "\n").replace("\n", "<br>\n");
    }
}
