package org.envelopelab.knowledge.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one question file (the format is in {@code knowledge/README.md}) and checks what can be
 * checked without the lab: every field known and present, one key for single choice, at least two
 * distractors, tags known, each option with its proof. Problems come back as {@code file:line:
 * sentence}, in line order; the claims themselves are checked against the scenarios by
 * {@code proof.Claims}.
 */
public final class BankParser {

    /** The largest question file read: a bank is text a person writes. */
    public static final int MAX_CHARS = 1_000_000;

    private static final Pattern OPTION = Pattern.compile("^\\s*(\\*?)([a-z])\\)\\s*(.*)$");
    private static final Pattern FIELD = Pattern.compile("^\\s*([a-z]+):(?:\\s+(.*))?$");
    private static final Set<String> LESSON_FIELDS = Set.of("lesson", "title");
    private static final Set<String> QUESTION_FIELDS = Set.of("question", "kind", "tags", "difficulty", "stem",
            "about", "proof", "explain", "feedback");
    private static final Set<String> DIFFICULTIES = Set.of("easy", "medium", "hard");
    private static final Set<String> MATCHES = Set.of(Matches.PHRASES.keySet().toArray(new String[0]));

    private final String file;
    private final List<Problem> problems = new ArrayList<>();
    private String lessonId;
    private StringBuilder lessonTitle;
    private final List<Question> questions = new ArrayList<>();
    private QuestionDraft question;
    private OptionDraft option;
    /** The text field the next indented line continues, or null. */
    private StringBuilder continuing;

    private BankParser(String file) {
        this.file = file;
    }

    /** The lesson in {@code text}, read from {@code file}; problems go to {@code problems}. */
    public static Lesson parse(String file, String text, List<Problem> problems) {
        BankParser parser = new BankParser(file);
        if (text.length() > MAX_CHARS) {
            problems.add(new Problem(file, 1, "the file is larger than " + MAX_CHARS + " characters; split the lesson"));
            return new Lesson(file, "", "", List.of());
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            parser.line(i + 1, lines[i].replace("\t", "    ").stripTrailing());
        }
        parser.endQuestion();
        parser.endLesson(lines.length);
        problems.addAll(parser.problems);
        return new Lesson(file, parser.lessonId == null ? "" : parser.lessonId,
                parser.lessonTitle == null ? "" : parser.lessonTitle.toString().strip(), parser.questions);
    }

    private void line(int number, String line) {
        if (line.isBlank()) {
            continuing = null;
            return;
        }
        if (line.stripLeading().startsWith("#")) {
            return;
        }
        Matcher optionLine = OPTION.matcher(line);
        if (optionLine.matches()) {
            option(number, optionLine.group(1).equals("*"), optionLine.group(2), optionLine.group(3).strip());
            return;
        }
        Matcher field = FIELD.matcher(line);
        if (field.matches() && (QUESTION_FIELDS.contains(field.group(1)) || LESSON_FIELDS.contains(field.group(1)))) {
            field(number, field.group(1), field.group(2) == null ? "" : field.group(2).strip());
            return;
        }
        if (Character.isWhitespace(line.charAt(0)) && continuing != null) {
            continuing.append(' ').append(line.strip());
            return;
        }
        problems.add(new Problem(file, number, field.matches()
                ? "unknown field '" + field.group(1) + "' (fields: lesson, title, question, kind, tags, difficulty, stem,"
                + " about, proof, explain, and under an option proof and feedback)"
                : "a line must be a field (name: value), an option (a) ... or *a) ... for a key), a comment (#),"
                + " or an indented continuation of the text above it"));
    }

    private void field(int number, String name, String value) {
        continuing = null;
        if (LESSON_FIELDS.contains(name)) {
            if (question != null) {
                problems.add(new Problem(file, number, "'" + name + ":' belongs at the top of the file, before the first question"));
                return;
            }
            if (name.equals("lesson")) {
                if (!value.matches("[a-z0-9][a-z0-9-]*")) {
                    problems.add(new Problem(file, number, "a lesson id is lower-case letters, digits and dashes, e.g. why-encrypt"));
                }
                lessonId = value;
            } else {
                lessonTitle = new StringBuilder(value);
                continuing = lessonTitle;
            }
            return;
        }
        if (name.equals("question")) {
            endQuestion();
            question = new QuestionDraft(number, value);
            if (!value.matches("[a-z][a-z0-9-]*")) {
                problems.add(new Problem(file, number, "a question id starts with a letter and has lower-case letters, digits"
                        + " and dashes, e.g. clinic-at-rest"));
            }
            return;
        }
        if (question == null) {
            problems.add(new Problem(file, number, "'" + name + ":' must follow a 'question: <id>' line"));
            return;
        }
        switch (name) {
            case "proof" -> {
                List<Proof> proofs = option != null ? option.proofs : question.proofs;
                if (value.isEmpty()) {
                    problems.add(new Problem(file, number, "empty proof: write the claim, e.g. in clinic: gina can read body of gina-results"));
                } else {
                    proofs.add(new Proof(value, number));
                }
            }
            case "feedback" -> {
                if (option == null) {
                    problems.add(new Problem(file, number, "'feedback:' belongs under an option; the question's own feedback is 'explain:'"));
                } else {
                    option.feedback = new StringBuilder(value);
                    continuing = option.feedback;
                }
            }
            default -> {
                if (option != null && !name.equals("explain")) {
                    problems.add(new Problem(file, number, "'" + name + ":' belongs before the options"));
                    return;
                }
                if (question.fields.containsKey(name)) {
                    problems.add(new Problem(file, number, "'" + name + ":' is given twice in question '" + question.id + "'"));
                    return;
                }
                StringBuilder text = new StringBuilder(value);
                question.fields.put(name, text);
                question.fieldLines.put(name, number);
                continuing = text;
            }
        }
    }

    private void option(int number, boolean key, String letter, String text) {
        continuing = null;
        if (question == null) {
            problems.add(new Problem(file, number, "an option must follow a 'question: <id>' line"));
            return;
        }
        if (question.fields.containsKey("explain")) {
            problems.add(new Problem(file, number, "options come before 'explain:'"));
        }
        char expected = (char) ('a' + question.options.size());
        if (letter.charAt(0) != expected) {
            problems.add(new Problem(file, number, "option '" + letter + ")' is out of order: expected '" + expected + ")'"));
        }
        if (text.isEmpty()) {
            problems.add(new Problem(file, number, "option '" + letter + ")' has no text"));
        }
        option = new OptionDraft(number, letter, key, new StringBuilder(text));
        question.options.add(option);
        continuing = option.text;
    }

    private void endLesson(int lines) {
        if (lessonId == null || lessonId.isEmpty()) {
            problems.add(new Problem(file, 1, "the file has no 'lesson: <id>' line at the top"));
        }
        if (lessonTitle == null || lessonTitle.toString().isBlank()) {
            problems.add(new Problem(file, 1, "the file has no 'title: <text>' line at the top"));
        }
        if (questions.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(file, Math.max(1, lines), "the lesson has no question"));
        }
    }

    private void endQuestion() {
        if (question == null) {
            return;
        }
        QuestionDraft draft = question;
        question = null;
        option = null;
        continuing = null;
        questions.add(draft.build(this));
    }

    void problem(int line, String message) {
        problems.add(new Problem(file, line, message));
    }

    String file() {
        return file;
    }

    /** A question as it is being read. */
    private static final class QuestionDraft {
        final int line;
        final String id;
        final java.util.Map<String, StringBuilder> fields = new java.util.LinkedHashMap<>();
        final java.util.Map<String, Integer> fieldLines = new java.util.HashMap<>();
        final List<OptionDraft> options = new ArrayList<>();
        final List<Proof> proofs = new ArrayList<>();

        QuestionDraft(int line, String id) {
            this.line = line;
            this.id = id;
        }

        String field(String name) {
            StringBuilder value = fields.get(name);
            return value == null ? "" : value.toString().strip();
        }

        int lineOf(String name) {
            return fieldLines.getOrDefault(name, line);
        }

        Question build(BankParser parser) {
            String where = "question '" + id + "'";
            Kind kind = null;
            if (field("kind").isEmpty()) {
                parser.problem(line, where + " has no 'kind:' (kinds: " + Kind.words() + ")");
            } else {
                kind = Kind.of(field("kind")).orElse(null);
                if (kind == null) {
                    parser.problem(lineOf("kind"), "unknown kind '" + field("kind") + "' (kinds: " + Kind.words() + ")");
                }
            }
            List<String> tags = new ArrayList<>();
            for (String tag : field("tags").split(",")) {
                if (tag.isBlank()) {
                    continue;
                }
                tag = tag.strip();
                if (Tags.describe(tag).isEmpty()) {
                    parser.problem(lineOf("tags"), "unknown tag '" + tag + "' (tags: " + String.join(", ", Tags.names()) + ")");
                } else if (!tags.contains(tag)) {
                    tags.add(tag);
                }
            }
            if (field("tags").isBlank()) {
                parser.problem(line, where + " has no 'tags:': name the claim it checks, e.g. tags: C3");
            }
            String difficulty = field("difficulty");
            if (difficulty.isEmpty()) {
                parser.problem(line, where + " has no 'difficulty:' (easy, medium or hard)");
            } else if (!DIFFICULTIES.contains(difficulty)) {
                parser.problem(lineOf("difficulty"), "unknown difficulty '" + difficulty + "' (easy, medium or hard)");
            }
            if (field("stem").isEmpty()) {
                parser.problem(line, where + " has no 'stem:': the question the student reads");
            }
            List<Option> built = new ArrayList<>();
            for (OptionDraft option : options) {
                String text = option.text.toString().strip();
                String match = "";
                if (kind == Kind.MATCHING) {
                    int arrow = text.indexOf("->");
                    if (arrow < 0) {
                        parser.problem(option.line, "a matching pair is written '<party> -> <what it could do>', e.g."
                                + " 'a) mailbox of gina -> held only the wrapper'");
                    } else {
                        match = text.substring(arrow + 2).strip();
                        text = text.substring(0, arrow).strip();
                        if (!MATCHES.contains(match)) {
                            parser.problem(option.line, "unknown match '" + match + "' (one of: "
                                    + String.join(", ", Matches.PHRASES.keySet()) + ")");
                        }
                    }
                }
                built.add(new Option(option.letter, text, match, option.key,
                        option.feedback == null ? "" : option.feedback.toString().strip(), option.proofs, option.line));
            }
            if (kind != null) {
                checkShape(parser, kind, built, where);
            }
            return new Question(id, kind == null ? Kind.SINGLE : kind, tags, difficulty, field("stem"), built,
                    field("explain"), proofs, field("about"), parser.file(), line);
        }

        private void checkShape(BankParser parser, Kind kind, List<Option> built, String where) {
            long keys = built.stream().filter(Option::key).count();
            long distractors = built.size() - keys;
            switch (kind) {
                case SINGLE, MULTIPLE -> {
                    if (kind == Kind.SINGLE && keys != 1) {
                        parser.problem(line, where + " is single choice, so exactly one option is the key (marked *), not " + keys);
                    }
                    if (kind == Kind.MULTIPLE && keys == 0) {
                        parser.problem(line, where + " has no key: mark each correct option with *");
                    }
                    if (distractors < 2) {
                        parser.problem(line, where + " needs at least two distractors (options not marked *), not " + distractors);
                    }
                    for (Option option : built) {
                        if (option.proofs().isEmpty()) {
                            parser.problem(option.line(), "option '" + option.letter() + ")' has no proof: write the claim that"
                                    + " is true exactly when it is a correct response");
                        }
                    }
                }
                case TRUE_FALSE -> {
                    boolean shape = built.size() == 2 && built.get(0).text().equals("True") && built.get(1).text().equals("False");
                    if (!shape) {
                        parser.problem(line, where + " is true-false: its options are 'a) True' and 'b) False', with * on the key");
                    } else if (keys != 1) {
                        parser.problem(line, where + " is true-false, so exactly one of True and False is the key (marked *)");
                    }
                    if (proofs.isEmpty()) {
                        parser.problem(line, where + " has no proof: a true-false question proves its statement with"
                                + " 'proof:' lines before the options");
                    }
                    built.stream().filter(option -> !option.proofs().isEmpty()).forEach(option -> parser.problem(
                            option.proofs().get(0).line(), "a true-false question's proof belongs to the question, before the options"));
                }
                case MATCHING, ORDERING -> {
                    if (keys > 0) {
                        parser.problem(line, where + " is " + kind.word() + ": no option is marked *; "
                                + (kind == Kind.MATCHING ? "each pair is the key" : "the items are listed in their right order"));
                    }
                    if (built.size() < 3) {
                        parser.problem(line, where + " needs at least three " + (kind == Kind.MATCHING ? "pairs" : "items"));
                    }
                    if (kind == Kind.MATCHING && field("about").isEmpty()) {
                        parser.problem(line, where + " is matching: say which run and message the pairs are about, e.g."
                                + " 'about: in clinic, path service: gina-results'");
                    }
                    if (kind == Kind.ORDERING) {
                        for (Option option : built) {
                            if (option.proofs().size() != 1) {
                                parser.problem(option.line(), "item '" + option.letter() + ")' needs exactly one proof: where the"
                                        + " run's transcript shows it, e.g. proof: in attorney: the transcript says \"exchange certificates\"");
                            }
                        }
                    }
                }
            }
        }
    }

    /** An option as it is being read. */
    private static final class OptionDraft {
        final int line;
        final String letter;
        final boolean key;
        final StringBuilder text;
        final List<Proof> proofs = new ArrayList<>();
        StringBuilder feedback;

        OptionDraft(int line, String letter, boolean key, StringBuilder text) {
            this.line = line;
            this.letter = letter;
            this.key = key;
            this.text = text;
        }
    }
}
