package org.envelopelab.knowledge.export;

import java.util.List;

import org.envelopelab.knowledge.bank.Kind;
import org.envelopelab.knowledge.bank.Lesson;
import org.envelopelab.knowledge.bank.Matches;
import org.envelopelab.knowledge.bank.Option;
import org.envelopelab.knowledge.bank.Question;
import org.envelopelab.knowledge.bank.Shuffle;
import org.envelopelab.knowledge.bank.Tags;

/**
 * The bank for people: Markdown (reads well on a code host) and a printable HTML page, each with
 * the questions first and the answer key after them (in HTML on a page of its own when printed).
 */
public final class Printed {

    private Printed() {
    }

    public static String markdown(List<Lesson> lessons) {
        StringBuilder out = new StringBuilder("# Envelope Lab knowledge checks\n\n");
        out.append("Each answer key is meant to be proven against the lab's own runs with `lab quiz verify` (CI does it for the bank in `knowledge/`).\n");
        int number = 0;
        for (Lesson lesson : lessons) {
            out.append("\n## ").append(lesson.title()).append("\n");
            for (Question question : lesson.questions()) {
                number++;
                out.append("\n**").append(number).append(".** ").append(question.stem()).append("\n\n");
                out.append("*").append(instruction(question)).append("*\n\n");
                if (question.kind() == Kind.MATCHING) {
                    for (Option pair : question.options()) {
                        out.append("- ").append(pair.letter()).append(") ").append(pair.text()).append("\n");
                    }
                    out.append("\nChoose from: ").append(String.join("; ", Matches.PHRASES.keySet())).append("\n");
                } else {
                    List<Option> shown = shown(question);
                    for (int i = 0; i < shown.size(); i++) {
                        out.append("- ").append(Shuffle.letter(i)).append(") ").append(shown.get(i).text()).append("\n");
                    }
                }
            }
        }
        out.append("\n## Answer key\n");
        number = 0;
        for (Lesson lesson : lessons) {
            for (Question question : lesson.questions()) {
                number++;
                out.append("\n**").append(number).append(". ").append(key(question)).append("** (")
                        .append(String.join(", ", question.tags())).append("; ").append(question.difficulty()).append(")\n");
                List<Option> shown = shown(question);
                for (int i = 0; i < shown.size(); i++) {
                    if (!shown.get(i).feedback().isEmpty()) {
                        out.append("- ").append(Shuffle.letter(i)).append(") ").append(shown.get(i).feedback()).append("\n");
                    }
                }
                if (!question.feedback().isEmpty()) {
                    out.append("\n").append(question.feedback()).append("\n");
                }
            }
        }
        return out.toString();
    }

    public static String html(List<Lesson> lessons) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Envelope Lab knowledge checks</title>\n<style>\n")
                .append("body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 1rem auto; padding: 0 1rem; color: #111; }\n")
                .append("ol.options { list-style: lower-alpha; }\n.meta { color: #444; font-size: 0.9rem; }\n")
                .append("section.key { break-before: page; page-break-before: always; border-top: 2px solid #111; margin-top: 2rem; }\n")
                .append("li.question { margin-bottom: 1.2rem; }\n")
                .append("@media print { body { max-width: none; } }\n</style>\n</head>\n<body>\n")
                .append("<h1>Envelope Lab knowledge checks</h1>\n")
                .append("<p>Each answer key is meant to be proven against the lab's own runs with <code>lab quiz verify</code>.</p>\n");
        out.append("<ol>\n");
        for (Lesson lesson : lessons) {
            out.append("<li class=\"lesson\"><h2>").append(Xml.escape(lesson.title())).append("</h2>\n<ol>\n");
            for (Question question : lesson.questions()) {
                out.append("<li class=\"question\" id=\"q-").append(question.id()).append("\"><p>").append(Xml.escape(question.stem()))
                        .append("</p>\n<p class=\"meta\">").append(Xml.escape(instruction(question))).append("</p>\n<ol class=\"options\">\n");
                for (Option option : shown(question)) {
                    out.append("<li>").append(Xml.escape(option.text())).append("</li>\n");
                }
                out.append("</ol>\n");
                if (question.kind() == Kind.MATCHING) {
                    out.append("<p class=\"meta\">Choose from: ").append(Xml.escape(String.join("; ", Matches.PHRASES.keySet())))
                            .append("</p>\n");
                }
                out.append("</li>\n");
            }
            out.append("</ol></li>\n");
        }
        out.append("</ol>\n<section class=\"key\">\n<h2>Answer key</h2>\n<ol>\n");
        for (Lesson lesson : lessons) {
            for (Question question : lesson.questions()) {
                out.append("<li><p><strong>").append(Xml.escape(key(question))).append("</strong> <span class=\"meta\">(")
                        .append(Xml.escape(String.join(", ", question.tags()))).append("; ")
                        .append(Xml.escape(question.difficulty())).append(")</span></p>\n");
                if (!question.feedback().isEmpty()) {
                    out.append("<p>").append(Xml.escape(question.feedback())).append("</p>\n");
                }
                out.append("</li>\n");
            }
        }
        out.append("</ol>\n<h2>Tags</h2>\n<dl>\n");
        Tags.all().forEach((tag, sentence) -> out.append("<dt>").append(tag).append("</dt><dd>")
                .append(Xml.escape(sentence)).append("</dd>\n"));
        out.append("</dl>\n</section>\n</body>\n</html>\n");
        return out.toString();
    }

    private static String instruction(Question question) {
        return switch (question.kind()) {
            case SINGLE -> "Choose the best response.";
            case MULTIPLE -> "Choose every correct response.";
            case TRUE_FALSE -> "True or false?";
            case MATCHING -> "Match each party to what it could do with the message.";
            case ORDERING -> "Put these in the order they happened.";
        };
    }

    /** The key in words: "b", "a, c", "True", "a) could read it; b) ...", "c, a, b". */
    public static String key(Question question) {
        return switch (question.kind()) {
            case SINGLE, MULTIPLE -> {
                List<Option> shown = shown(question);
                yield String.join(", ", question.keys().stream().map(key -> Shuffle.letter(shown.indexOf(key))).sorted().toList());
            }
            case TRUE_FALSE -> question.keys().get(0).text();
            case MATCHING -> String.join("; ", question.options().stream()
                    .map(pair -> pair.letter() + ") " + pair.match()).toList());
            case ORDERING -> {
                List<Option> shown = shown(question);
                yield "in this order: " + String.join(", ", question.options().stream()
                        .map(item -> Shuffle.letter(shown.indexOf(item))).toList());
            }
        };
    }

    /** The options as printed, in the question's fixed shuffle (see {@link Shuffle#printed}). */
    private static List<Option> shown(Question question) {
        return Shuffle.printed(question).stream().map(question.options()::get).toList();
    }
}
