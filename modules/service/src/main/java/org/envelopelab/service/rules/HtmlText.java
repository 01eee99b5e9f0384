package org.envelopelab.service.rules;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text a reader sees in an HTML body: tags, comments, scripts and styles removed, block ends
 * turned into line breaks and character references decoded. Rules must match what people read,
 * not markup — "card&nbsp;number" is "card number" to a reader and to a rule.
 */
final class HtmlText {

    private static final Pattern INVISIBLE = Pattern.compile("(?is)<!--.*?-->|<(script|style|head)\\b.*?</\\1\\s*>");
    private static final Pattern LINE_BREAK = Pattern.compile("(?i)<br\\s*/?>|</(p|div|tr|li|h[1-6]|table|blockquote)\\s*>");
    private static final Pattern CELL_END = Pattern.compile("(?i)</t[dh]\\s*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);");
    private static final Map<String, String> NAMED = Map.of(
            "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ", "ndash", "–", "mdash", "—",
            "euro", "€", "copy", "©");

    private HtmlText() {
    }

    static String of(String html) {
        String text = INVISIBLE.matcher(html).replaceAll(" ");
        text = LINE_BREAK.matcher(text).replaceAll("\n");
        text = CELL_END.matcher(text).replaceAll(" ");
        text = TAG.matcher(text).replaceAll("");
        text = decodeReferences(text);
        return text.replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" ?\n ?", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }

    private static String decodeReferences(String text) {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder decoded = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(decoded, Matcher.quoteReplacement(character(matcher.group(1), matcher.group())));
        }
        matcher.appendTail(decoded);
        return decoded.toString();
    }

    private static String character(String reference, String written) {
        try {
            if (reference.startsWith("#x") || reference.startsWith("#X")) {
                return Character.toString(Integer.parseInt(reference.substring(2), 16));
            }
            if (reference.startsWith("#")) {
                return Character.toString(Integer.parseInt(reference.substring(1)));
            }
        } catch (IllegalArgumentException e) {
            return written;
        }
        return NAMED.getOrDefault(reference.toLowerCase(Locale.ROOT), written);
    }
}
