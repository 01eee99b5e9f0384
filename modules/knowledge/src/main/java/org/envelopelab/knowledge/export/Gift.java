package org.envelopelab.knowledge.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.envelopelab.knowledge.bank.Lesson;
import org.envelopelab.knowledge.bank.Option;
import org.envelopelab.knowledge.bank.Question;

/**
 * Moodle's GIFT format: one category per lesson, each question with its id and tags in the
 * {@code // [id:...] [tag:...]} comment Moodle reads, per-answer feedback after {@code #}, the
 * general feedback after {@code ####}, and every GIFT special character escaped. GIFT has no
 * ordering question: an ordering item becomes a matching pair of the item and its place (1st, 2nd ...).
 */
public final class Gift {

    private Gift() {
    }

    public static String write(List<Lesson> lessons) {
        StringBuilder out = new StringBuilder();
        out.append("// Envelope Lab knowledge checks, written by lab quiz export --format gift.\n");
        out.append("// Prove the keys with lab quiz verify before importing: export checks the format only.\n\n");
        for (Lesson lesson : lessons) {
            out.append("$CATEGORY: $course$/top/Envelope Lab/").append(category(lesson.title())).append("\n\n");
            for (Question question : lesson.questions()) {
                question(out, question);
            }
        }
        return out.toString();
    }

    private static void question(StringBuilder out, Question question) {
        out.append("// [id:").append(question.id()).append("]");
        for (String tag : tags(question)) {
            out.append(" [tag:").append(tag).append("]");
        }
        out.append("\n::").append(escape(question.id())).append("::").append(escape(question.stem())).append(" {\n");
        switch (question.kind()) {
            case SINGLE -> question.options().forEach(option -> out.append(option.key() ? "\t=" : "\t~")
                    .append(escape(option.text())).append(feedback(option.feedback())).append("\n"));
            case MULTIPLE -> {
                long keys = question.keys().size();
                long distractors = question.options().size() - keys;
                for (Option option : question.options()) {
                    String weight = option.key() ? weight(100.0 / keys) : weight(-100.0 / distractors);
                    out.append("\t~%").append(weight).append("%").append(escape(option.text()))
                            .append(feedback(option.feedback())).append("\n");
                }
            }
            case TRUE_FALSE -> {
                boolean keyTrue = question.options().get(0).key();
                Option right = keyTrue ? question.options().get(0) : question.options().get(1);
                Option wrong = keyTrue ? question.options().get(1) : question.options().get(0);
                // GIFT: the first feedback is shown for a wrong answer, the second for the right one.
                out.append("\t").append(keyTrue ? "TRUE" : "FALSE").append("#").append(escape(wrong.feedback()))
                        .append("#").append(escape(right.feedback())).append("\n");
            }
            case MATCHING -> question.options().forEach(pair -> out.append("\t=").append(escape(pair.text()))
                    .append(" -> ").append(escape(pair.match())).append("\n"));
            case ORDERING -> {
                for (int i = 0; i < question.options().size(); i++) {
                    out.append("\t=").append(escape(question.options().get(i).text())).append(" -> ")
                            .append(place(i + 1)).append("\n");
                }
            }
        }
        if (!question.feedback().isEmpty()) {
            out.append("\t####").append(escape(question.feedback())).append("\n");
        }
        out.append("}\n\n");
    }

    /** The tags Moodle gets: the bank's, and the difficulty. */
    static List<String> tags(Question question) {
        List<String> tags = new ArrayList<>(question.tags());
        if (!question.difficulty().isEmpty()) {
            tags.add("difficulty-" + question.difficulty());
        }
        return tags;
    }

    /** 1st, 2nd, 3rd, 4th ... */
    public static String place(int n) {
        String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    private static String feedback(String feedback) {
        return feedback.isEmpty() ? "" : "#" + escape(feedback);
    }

    /** Moodle's grade weights have at most five decimals: 33.33333, -50. */
    private static String weight(double value) {
        return String.format(Locale.ROOT, "%.5f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static String category(String title) {
        return title.replace("/", "-").replace("\n", " ");
    }

    /** Backslash before each of GIFT's special characters, and line ends as \n. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\', '~', '=', '#', '{', '}', ':' -> out.append('\\').append(c);
                case '\n' -> out.append("\\n");
                case '\r' -> { }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The inverse of {@link #escape}. */
    static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** What the reader recovers of one question (the import side of a round trip). */
    public record Read(String id, List<String> tags, String kind, String stem, List<String> texts, List<String> matches,
                       List<Boolean> keys, List<String> feedback, String general) {
    }

    /**
     * Reads GIFT as this writer writes it and as Moodle reads it: comments with id and tags, the
     * title, the text, the answers with weights and feedback. Used to prove the export round-trips.
     */
    public static List<Read> read(String gift) {
        List<Read> questions = new ArrayList<>();
        String id = null;
        List<String> tags = new ArrayList<>();
        StringBuilder block = null;
        for (String line : gift.split("\n")) {
            if (block == null) {
                if (line.startsWith("// [id:")) {
                    id = null;
                    tags = new ArrayList<>();
                    for (String part : line.substring(3).split("\\] ?")) {
                        if (part.startsWith("[id:")) {
                            id = part.substring(4);
                        } else if (part.startsWith("[tag:")) {
                            tags.add(part.substring(5));
                        }
                    }
                } else if (line.startsWith("::")) {
                    block = new StringBuilder(line).append('\n');
                    if (line.endsWith("}")) {
                        questions.add(parse(id, tags, block.toString()));
                        block = null;
                    }
                }
            } else {
                block.append(line).append('\n');
                if (line.equals("}")) {
                    questions.add(parse(id, tags, block.toString()));
                    block = null;
                }
            }
        }
        return questions;
    }

    private static Read parse(String id, List<String> tags, String block) {
        int titleEnd = unescapedIndex(block, "::", 2);
        String title = unescape(block.substring(2, titleEnd));
        int open = unescapedIndex(block, "{", titleEnd + 2);
        int close = block.lastIndexOf('}');
        String stem = unescape(block.substring(titleEnd + 2, open).strip());
        String answers = block.substring(open + 1, close);
        String general = "";
        int generalAt = unescapedIndex(answers, "####", 0);
        if (generalAt >= 0) {
            general = unescape(answers.substring(generalAt + 4).strip());
            answers = answers.substring(0, generalAt);
        }
        List<String> texts = new ArrayList<>();
        List<String> matches = new ArrayList<>();
        List<Boolean> keys = new ArrayList<>();
        List<String> feedback = new ArrayList<>();
        String kind = "single";
        for (String raw : answers.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("TRUE#") || line.startsWith("FALSE#")) {
                kind = "true-false";
                boolean keyTrue = line.startsWith("TRUE");
                String rest = line.substring(line.indexOf('#') + 1);
                int split = unescapedIndex(rest, "#", 0);
                String wrong = unescape(rest.substring(0, split));
                String right = unescape(rest.substring(split + 1));
                texts.addAll(List.of("True", "False"));
                keys.addAll(List.of(keyTrue, !keyTrue));
                feedback.addAll(keyTrue ? List.of(right, wrong) : List.of(wrong, right));
                continue;
            }
            char mark = line.charAt(0);
            String body = line.substring(1);
            int arrow = body.indexOf(" -> ");
            if (mark == '=' && arrow >= 0 && unescapedIndex(body, "#", 0) < 0) {
                kind = "matching";
                texts.add(unescape(body.substring(0, arrow)));
                matches.add(unescape(body.substring(arrow + 4)));
                continue;
            }
            boolean key = mark == '=';
            if (body.startsWith("%")) {
                kind = "multiple";
                int end = body.indexOf('%', 1);
                key = !body.substring(1, end).startsWith("-");
                body = body.substring(end + 1);
            }
            int hash = unescapedIndex(body, "#", 0);
            texts.add(unescape(hash < 0 ? body : body.substring(0, hash)));
            feedback.add(hash < 0 ? "" : unescape(body.substring(hash + 1)));
            keys.add(key);
        }
        return new Read(id != null ? id : title, List.copyOf(tags), kind, stem, texts, matches, keys, feedback, general);
    }

    /** The index of {@code token} at or after {@code from} that is not escaped by a backslash; -1 if none. */
    private static int unescapedIndex(String text, String token, int from) {
        for (int i = from; i <= text.length() - token.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
                continue;
            }
            if (text.startsWith(token, i)) {
                return i;
            }
        }
        return -1;
    }
}
