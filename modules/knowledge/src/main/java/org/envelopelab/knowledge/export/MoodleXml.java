package org.envelopelab.knowledge.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.envelopelab.knowledge.bank.Lesson;
import org.envelopelab.knowledge.bank.Option;
import org.envelopelab.knowledge.bank.Question;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Moodle XML: a category per lesson, then each question as {@code multichoice} (single and
 * multiple response), {@code truefalse} or {@code matching}, with its id number, tags (the
 * bank's and the difficulty), per-answer feedback and general feedback. Texts are HTML
 * paragraphs, escaped. An ordering question becomes a matching question of items to places, as in GIFT.
 */
public final class MoodleXml {

    private MoodleXml() {
    }

    public static String write(List<Lesson> lessons) {
        Document document = Xml.newDocument();
        Element quiz = document.createElement("quiz");
        document.appendChild(quiz);
        for (Lesson lesson : lessons) {
            Element category = Xml.child(document, quiz, "question");
            category.setAttribute("type", "category");
            Xml.text(document, Xml.child(document, category, "category"), "text", "$course$/top/Envelope Lab/" + lesson.title());
            for (Question question : lesson.questions()) {
                question(document, quiz, question);
            }
        }
        return Xml.write(document);
    }

    private static void question(Document document, Element quiz, Question question) {
        Element element = Xml.child(document, quiz, "question");
        String type = switch (question.kind()) {
            case SINGLE, MULTIPLE -> "multichoice";
            case TRUE_FALSE -> "truefalse";
            case MATCHING, ORDERING -> "matching";
        };
        element.setAttribute("type", type);
        Xml.text(document, Xml.child(document, element, "name"), "text", question.id());
        Element text = Xml.child(document, element, "questiontext");
        text.setAttribute("format", "html");
        Xml.text(document, text, "text", Xml.html(question.stem()));
        Element general = Xml.child(document, element, "generalfeedback");
        general.setAttribute("format", "html");
        Xml.text(document, general, "text", question.feedback().isEmpty() ? "" : Xml.html(question.feedback()));
        Xml.text(document, element, "defaultgrade", "1");
        Xml.text(document, element, "penalty", "0.3333333");
        Xml.text(document, element, "hidden", "0");
        Xml.text(document, element, "idnumber", question.id());
        switch (question.kind()) {
            case SINGLE, MULTIPLE -> {
                boolean single = question.kind() == org.envelopelab.knowledge.bank.Kind.SINGLE;
                Xml.text(document, element, "single", single ? "true" : "false");
                Xml.text(document, element, "shuffleanswers", "true");
                Xml.text(document, element, "answernumbering", "abc");
                long keys = question.keys().size();
                long distractors = question.options().size() - keys;
                for (Option option : question.options()) {
                    double fraction = option.key() ? 100.0 / keys : single ? 0 : -100.0 / distractors;
                    answer(document, element, fraction, Xml.html(option.text()), "html", option.feedback());
                }
            }
            case TRUE_FALSE -> {
                for (Option option : question.options()) {
                    answer(document, element, option.key() ? 100 : 0, option.text().toLowerCase(Locale.ROOT),
                            "moodle_auto_format", option.feedback());
                }
            }
            case MATCHING, ORDERING -> {
                Xml.text(document, element, "shuffleanswers", "true");
                for (int i = 0; i < question.options().size(); i++) {
                    Option pair = question.options().get(i);
                    Element sub = Xml.child(document, element, "subquestion");
                    sub.setAttribute("format", "html");
                    Xml.text(document, sub, "text", Xml.html(pair.text()));
                    Xml.text(document, Xml.child(document, sub, "answer"), "text",
                            question.kind() == org.envelopelab.knowledge.bank.Kind.MATCHING ? pair.match() : Gift.place(i + 1));
                }
            }
        }
        Element tags = Xml.child(document, element, "tags");
        for (String tag : Gift.tags(question)) {
            Xml.text(document, Xml.child(document, tags, "tag"), "text", tag);
        }
    }

    private static void answer(Document document, Element question, double fraction, String text, String format,
                               String feedback) {
        Element answer = Xml.child(document, question, "answer");
        answer.setAttribute("fraction", String.format(Locale.ROOT, "%.5f", fraction).replaceAll("0+$", "").replaceAll("\\.$", ""));
        answer.setAttribute("format", format);
        Xml.text(document, answer, "text", text);
        Element element = Xml.child(document, answer, "feedback");
        element.setAttribute("format", "html");
        Xml.text(document, element, "text", feedback.isEmpty() ? "" : Xml.html(feedback));
    }

    /** Reads Moodle XML back (the import side of a round trip), as {@link Gift.Read}s. */
    public static List<Gift.Read> read(String xml) {
        Document document = Xml.parse(xml);
        List<Gift.Read> questions = new ArrayList<>();
        NodeList all = document.getDocumentElement().getElementsByTagName("question");
        for (int i = 0; i < all.getLength(); i++) {
            Element question = (Element) all.item(i);
            String type = question.getAttribute("type");
            if (type.equals("category")) {
                continue;
            }
            String id = childText(question, "idnumber");
            List<String> tags = new ArrayList<>();
            for (Element tag : children(first(question, "tags"), "tag")) {
                tags.add(childText(tag, "text"));
            }
            String stem = Xml.unhtml(childText(first(question, "questiontext"), "text"));
            String general = Xml.unhtml(childText(first(question, "generalfeedback"), "text"));
            List<String> texts = new ArrayList<>();
            List<String> matches = new ArrayList<>();
            List<Boolean> keys = new ArrayList<>();
            List<String> feedback = new ArrayList<>();
            String kind;
            if (type.equals("matching")) {
                kind = "matching";
                for (Element sub : children(question, "subquestion")) {
                    texts.add(Xml.unhtml(childText(sub, "text")));
                    matches.add(childText(first(sub, "answer"), "text"));
                }
            } else {
                kind = type.equals("truefalse") ? "true-false" : "true".equals(childText(question, "single")) ? "single" : "multiple";
                for (Element answer : children(question, "answer")) {
                    String text = childText(answer, "text");
                    texts.add(kind.equals("true-false") ? (text.equals("true") ? "True" : "False") : Xml.unhtml(text));
                    keys.add(Double.parseDouble(answer.getAttribute("fraction")) > 0);
                    feedback.add(Xml.unhtml(childText(first(answer, "feedback"), "text")));
                }
            }
            questions.add(new Gift.Read(id, tags, kind, stem, texts, matches, keys, feedback, general));
        }
        return questions;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static Element first(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String childText(Element parent, String name) {
        Element child = first(parent, name);
        return child == null ? "" : child.getTextContent();
    }
}
