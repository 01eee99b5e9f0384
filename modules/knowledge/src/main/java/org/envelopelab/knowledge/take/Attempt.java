package org.envelopelab.knowledge.take;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.envelopelab.knowledge.bank.Kind;
import org.envelopelab.knowledge.bank.Matches;
import org.envelopelab.knowledge.bank.Option;
import org.envelopelab.knowledge.bank.Question;
import org.envelopelab.knowledge.bank.Shuffle;

/**
 * One question as a student meets it in the terminal: shown in an order, answered, marked, with
 * the feedback for what they chose and the question's general feedback.
 */
public final class Attempt {

    /** What a student's answer earned. */
    public record Marked(boolean correct, List<String> feedback) {
    }

    /** An answer that cannot be read, with the sentence why. */
    public static final class Unreadable extends Exception {
        public Unreadable(String message) {
            super(message);
        }
    }

    private static final List<String> PHRASES = List.copyOf(Matches.PHRASES.keySet());

    private final Question question;
    private final List<Option> shown;

    /** @param order indexes into the question's options, as {@link Shuffle} gives them */
    public Attempt(Question question, List<Integer> order) {
        this.question = question;
        this.shown = order.stream().map(question.options()::get).toList();
    }

    /** The question as printed: the stem, what to do, the options lettered as shown. */
    public String render(int number) {
        StringBuilder out = new StringBuilder();
        out.append(number).append(". ").append(question.stem()).append("\n");
        out.append("   ").append(instruction()).append("\n");
        for (int i = 0; i < shown.size(); i++) {
            out.append("   ").append(Shuffle.letter(i)).append(") ").append(shown.get(i).text()).append("\n");
        }
        if (question.kind() == Kind.MATCHING) {
            out.append("   to one of:\n");
            for (int i = 0; i < PHRASES.size(); i++) {
                out.append("   ").append(i + 1).append(". ").append(PHRASES.get(i)).append("\n");
            }
        }
        return out.toString();
    }

    public String instruction() {
        return switch (question.kind()) {
            case SINGLE -> "Choose the best response (a letter).";
            case MULTIPLE -> "Choose every correct response (letters, e.g. ac).";
            case TRUE_FALSE -> "True or false (t or f)?";
            case MATCHING -> "For a), b) ... in turn, the number of what each could do (e.g. " + example() + ").";
            case ORDERING -> "The letters in the order they happened (e.g. " + exampleOrder() + ").";
        };
    }

    private String example() {
        StringBuilder example = new StringBuilder();
        for (int i = 0; i < shown.size(); i++) {
            example.append(i % PHRASES.size() + 1);
        }
        return example.toString();
    }

    private String exampleOrder() {
        StringBuilder example = new StringBuilder();
        for (int i = shown.size() - 1; i >= 0; i--) {
            example.append(Shuffle.letter(i));
        }
        return example.toString();
    }

    /** Marks an answer as typed; an answer that does not fit the question is {@link Unreadable}. */
    public Marked mark(String typed) throws Unreadable {
        String answer = typed.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s,]+", "");
        List<String> feedback = new ArrayList<>();
        boolean correct;
        switch (question.kind()) {
            case SINGLE, MULTIPLE -> {
                Set<Option> chosen = letters(answer);
                if (question.kind() == Kind.SINGLE && chosen.size() != 1) {
                    throw new Unreadable("choose one letter, a to " + Shuffle.letter(shown.size() - 1));
                }
                correct = chosen.equals(new LinkedHashSet<>(question.keys()));
                for (Option option : chosen) {
                    if (!option.feedback().isEmpty()) {
                        feedback.add(option.text() + ": " + option.feedback());
                    }
                }
                if (!correct) {
                    feedback.add("The answer: " + String.join(", ", question.keys().stream()
                            .map(key -> Shuffle.letter(shown.indexOf(key)) + ") " + key.text()).toList()) + ".");
                }
            }
            case TRUE_FALSE -> {
                Option chosen = switch (answer) {
                    case "t", "true", "a" -> question.options().get(0);
                    case "f", "false", "b" -> question.options().get(1);
                    default -> throw new Unreadable("answer t (true) or f (false)");
                };
                correct = chosen.key();
                if (!chosen.feedback().isEmpty()) {
                    feedback.add(chosen.feedback());
                }
                if (!correct) {
                    feedback.add("The answer: " + question.keys().get(0).text() + ".");
                }
            }
            case MATCHING -> {
                if (!answer.matches("[1-9]+") || answer.length() != shown.size()) {
                    throw new Unreadable("give " + shown.size() + " digits, one per pair, each 1 to " + PHRASES.size()
                            + " (e.g. " + example() + ")");
                }
                correct = true;
                for (int i = 0; i < shown.size(); i++) {
                    int choice = answer.charAt(i) - '1';
                    if (choice >= PHRASES.size()) {
                        throw new Unreadable("each digit is 1 to " + PHRASES.size());
                    }
                    Option pair = shown.get(i);
                    boolean right = PHRASES.get(choice).equals(pair.match());
                    correct &= right;
                    if (!right) {
                        feedback.add(pair.text() + ": " + pair.match() + ", not " + PHRASES.get(choice) + ".");
                    }
                }
            }
            case ORDERING -> {
                List<Option> order = new ArrayList<>(letters(answer));
                if (order.size() != shown.size() || answer.length() != shown.size()) {
                    throw new Unreadable("give each of the letters a to " + Shuffle.letter(shown.size() - 1) + " once, in order");
                }
                correct = order.equals(question.options());
                if (!correct) {
                    feedback.add("The order: " + String.join(", ", question.options().stream()
                            .map(item -> Shuffle.letter(shown.indexOf(item))).toList()) + ".");
                }
            }
            default -> throw new IllegalStateException();
        }
        if (!question.feedback().isEmpty()) {
            feedback.add(question.feedback());
        }
        return new Marked(correct, feedback);
    }

    private Set<Option> letters(String answer) throws Unreadable {
        Set<Option> chosen = new LinkedHashSet<>();
        for (char letter : answer.toCharArray()) {
            int index = letter - 'a';
            if (index < 0 || index >= shown.size()) {
                throw new Unreadable("'" + letter + "' is not one of the letters a to " + Shuffle.letter(shown.size() - 1));
            }
            chosen.add(shown.get(index));
        }
        if (chosen.isEmpty()) {
            throw new Unreadable("choose a letter, a to " + Shuffle.letter(shown.size() - 1));
        }
        return chosen;
    }
}
