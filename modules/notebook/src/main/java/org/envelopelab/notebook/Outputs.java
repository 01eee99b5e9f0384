package org.envelopelab.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How printed output is compared with what a lesson expects. What must never be fixed in a lesson
 * is redacted first, in the output and so in what {@code lab notebook update} writes: times and
 * durations, ports, and anything shaped like a token, ciphertext or a passcode. Then the expected
 * lines match with two wildcards: {@code [..]} within a line stands for any text, and a line that
 * is only {@code ...} stands for any number of lines.
 */
public final class Outputs {

    private record Redaction(Pattern pattern, String replacement) {
    }

    private static final List<Redaction> REDACTIONS = List.of(
            new Redaction(Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:\\d{2})"), "[time]"),
            new Redaction(Pattern.compile("\\b\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?\\b"), "[time]"),
            new Redaction(Pattern.compile("\\b\\d[\\d,]*(?:\\.\\d+)? ?(?:ms|s|seconds)\\b"), "[duration]"),
            new Redaction(Pattern.compile("((?:127\\.0\\.0\\.1|localhost):)\\d{2,5}\\b"), "$1[port]"),
            new Redaction(Pattern.compile("(?i)(passcode\\D{0,24}?)\\b\\d{6,8}\\b"), "$1[passcode]"),
            new Redaction(Pattern.compile("[A-Za-z0-9+/]{60,}={0,2}"), "[ciphertext]"),
            new Redaction(Pattern.compile("\\b[A-Za-z0-9_-]{32,}\\b"), "[token]"));

    private Outputs() {
    }

    /** The output with what varies from run to run replaced by a mark, and trailing spaces dropped. */
    public static List<String> redact(String printed) {
        String text = printed.replace("\r\n", "\n");
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        List<String> lines = new ArrayList<>();
        if (text.isEmpty()) {
            return lines;
        }
        for (String line : text.split("\n", -1)) {
            for (Redaction redaction : REDACTIONS) {
                line = redaction.pattern().matcher(line).replaceAll(redaction.replacement());
            }
            lines.add(line.stripTrailing());
        }
        return lines;
    }

    /** Whether the actual lines match the expected ones, wildcards and all. */
    public static boolean matches(List<String> expected, List<String> actual) {
        return matches(expected, 0, actual, 0);
    }

    private static boolean matches(List<String> expected, int e, List<String> actual, int a) {
        if (e == expected.size()) {
            return a == actual.size();
        }
        if (expected.get(e).strip().equals("...")) {
            for (int skip = a; skip <= actual.size(); skip++) {
                if (matches(expected, e + 1, actual, skip)) {
                    return true;
                }
            }
            return false;
        }
        return a < actual.size() && line(expected.get(e).stripTrailing(), actual.get(a)) && matches(expected, e + 1, actual, a + 1);
    }

    /**
     * One line: literal text, where each [..] stands for any text. Runs of spaces count as one, so a
     * table whose columns moved because a redacted value was shorter still matches.
     */
    static boolean line(String expectedLine, String actualLine) {
        String expected = expectedLine.replaceAll(" {2,}", " ");
        String actual = actualLine.replaceAll(" {2,}", " ");
        String[] parts = expected.split("\\[\\.\\.]", -1);
        if (parts.length == 1) {
            return expected.equals(actual);
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(actual).matches();
    }

    /**
     * A diff of expected and actual lines in the unified style: lines only expected start with
     * {@code -}, lines only printed with {@code +}, shared lines with a space (matching lines,
     * wildcards and all, count as shared).
     */
    public static List<String> diff(List<String> expected, List<String> actual) {
        int n = expected.size();
        int m = actual.size();
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = line(expected.get(i).stripTrailing(), actual.get(j))
                        ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> diff = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && line(expected.get(i).stripTrailing(), actual.get(j))) {
                diff.add("  " + actual.get(j));
                i++;
                j++;
            } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
                diff.add("- " + expected.get(i++));
            } else {
                diff.add("+ " + actual.get(j++));
            }
        }
        return diff;
    }
}
