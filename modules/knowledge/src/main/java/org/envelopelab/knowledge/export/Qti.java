package org.envelopelab.knowledge.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.envelopelab.knowledge.bank.Kind;
import org.envelopelab.knowledge.bank.Lesson;
import org.envelopelab.knowledge.bank.Matches;
import org.envelopelab.knowledge.bank.Option;
import org.envelopelab.knowledge.bank.Question;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A QTI 2.1 content package: a zip with {@code imsmanifest.xml} (IMS Content Packaging 1.1)
 * listing one {@code imsqti_item_xmlv2p1} resource per question, and each question as an
 * {@code assessmentItem} in the QTI 2.1 namespace: single and multiple response as a
 * {@code choiceInteraction}, true-false as a choice of two, matching as a
 * {@code matchInteraction} (directed pairs), ordering as an {@code orderInteraction}. Each choice
 * carries its feedback inline, shown for the choices made; the general feedback is modal.
 */
public final class Qti {

    static final String QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1";
    static final String QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd";
    static final String CP = "http://www.imsglobal.org/xsd/imscp_v1p1";
    static final String CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private Qti() {
    }

    /** The package's files by path, in order: the manifest first. */
    public static Map<String, String> files(List<Lesson> lessons) {
        Map<String, String> files = new LinkedHashMap<>();
        Document manifest = Xml.newDocument();
        Element root = manifest.createElementNS(CP, "manifest");
        root.setAttributeNS(XSI, "xsi:schemaLocation", CP + " " + CP_XSD);
        root.setAttribute("identifier", "envelope-lab-knowledge");
        manifest.appendChild(root);
        Element metadata = Xml.child(manifest, root, "metadata");
        Xml.text(manifest, metadata, "schema", "QTIv2.1 Package");
        Xml.text(manifest, metadata, "schemaversion", "1.0.0");
        Xml.child(manifest, root, "organizations");
        Element resources = Xml.child(manifest, root, "resources");
        Map<String, String> items = new LinkedHashMap<>();
        for (Lesson lesson : lessons) {
            for (Question question : lesson.questions()) {
                String href = "items/" + question.id() + ".xml";
                Element resource = Xml.child(manifest, resources, "resource");
                resource.setAttribute("identifier", "item-" + question.id());
                resource.setAttribute("type", "imsqti_item_xmlv2p1");
                resource.setAttribute("href", href);
                Xml.child(manifest, resource, "file").setAttribute("href", href);
                items.put(href, Xml.write(item(question)));
            }
        }
        files.put("imsmanifest.xml", Xml.write(manifest));
        files.putAll(items);
        return files;
    }

    public static byte[] zip(List<Lesson> lessons) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files(lessons).entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setTime(0); // the same bank, the same bytes
                zip.putNextEntry(entry);
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static Document item(Question question) {
        Document document = Xml.newDocument();
        Element item = document.createElementNS(QTI, "assessmentItem");
        item.setAttributeNS(XSI, "xsi:schemaLocation", QTI + " " + QTI_XSD);
        item.setAttribute("identifier", question.id());
        item.setAttribute("title", question.id());
        item.setAttribute("adaptive", "false");
        item.setAttribute("timeDependent", "false");
        document.appendChild(item);
        Kind kind = question.kind();
        String cardinality = switch (kind) {
            case SINGLE, TRUE_FALSE -> "single";
            case MULTIPLE, MATCHING -> "multiple";
            case ORDERING -> "ordered";
        };
        String baseType = kind == Kind.MATCHING ? "directedPair" : "identifier";
        Element response = Xml.child(document, item, "responseDeclaration");
        response.setAttribute("identifier", "RESPONSE");
        response.setAttribute("cardinality", cardinality);
        response.setAttribute("baseType", baseType);
        Element correct = Xml.child(document, response, "correctResponse");
        for (int i = 0; i < question.options().size(); i++) {
            Option option = question.options().get(i);
            switch (kind) {
                case SINGLE, MULTIPLE, TRUE_FALSE -> {
                    if (option.key()) {
                        Xml.text(document, correct, "value", choice(option));
                    }
                }
                case MATCHING -> Xml.text(document, correct, "value", choice(option) + " " + phraseId(option.match()));
                case ORDERING -> Xml.text(document, correct, "value", choice(option));
            }
        }
        outcome(document, item, "SCORE", "single", "float");
        if (kind != Kind.MATCHING && kind != Kind.ORDERING) {
            outcome(document, item, "FEEDBACK", cardinality, "identifier");
        }
        outcome(document, item, "GENERAL", "single", "identifier");
        Element body = Xml.child(document, item, "itemBody");
        Xml.text(document, body, "p", question.stem());
        switch (kind) {
            case SINGLE, MULTIPLE, TRUE_FALSE -> {
                Element interaction = interaction(document, body, "choiceInteraction", kind != Kind.TRUE_FALSE);
                interaction.setAttribute("maxChoices", kind == Kind.MULTIPLE ? "0" : "1");
                for (Option option : question.options()) {
                    Element choice = Xml.child(document, interaction, "simpleChoice");
                    choice.setAttribute("identifier", choice(option));
                    choice.appendChild(document.createTextNode(option.text()));
                    if (!option.feedback().isEmpty()) {
                        Element feedback = Xml.text(document, choice, "feedbackInline", option.feedback());
                        feedback.setAttribute("outcomeIdentifier", "FEEDBACK");
                        feedback.setAttribute("identifier", choice(option));
                        feedback.setAttribute("showHide", "show");
                    }
                }
            }
            case MATCHING -> {
                Element interaction = interaction(document, body, "matchInteraction", true);
                interaction.setAttribute("maxAssociations", String.valueOf(question.options().size()));
                Element parties = Xml.child(document, interaction, "simpleMatchSet");
                for (Option pair : question.options()) {
                    Element party = Xml.text(document, parties, "simpleAssociableChoice", pair.text());
                    party.setAttribute("identifier", choice(pair));
                    party.setAttribute("matchMax", "1");
                }
                Element phrases = Xml.child(document, interaction, "simpleMatchSet");
                for (String phrase : Matches.PHRASES.keySet()) {
                    Element target = Xml.text(document, phrases, "simpleAssociableChoice", phrase);
                    target.setAttribute("identifier", phraseId(phrase));
                    target.setAttribute("matchMax", String.valueOf(question.options().size()));
                }
            }
            case ORDERING -> {
                Element interaction = interaction(document, body, "orderInteraction", true);
                for (Option option : question.options()) {
                    Element choice = Xml.text(document, interaction, "simpleChoice", option.text());
                    choice.setAttribute("identifier", choice(option));
                }
            }
        }
        Element processing = Xml.child(document, item, "responseProcessing");
        Element condition = Xml.child(document, processing, "responseCondition");
        Element ifMatch = Xml.child(document, condition, "responseIf");
        Element match = Xml.child(document, ifMatch, "match");
        Xml.child(document, match, "variable").setAttribute("identifier", "RESPONSE");
        Xml.child(document, match, "correct").setAttribute("identifier", "RESPONSE");
        set(document, ifMatch, "SCORE", "float", "1");
        set(document, Xml.child(document, condition, "responseElse"), "SCORE", "float", "0");
        if (kind != Kind.MATCHING && kind != Kind.ORDERING) {
            Element feedback = Xml.child(document, processing, "setOutcomeValue");
            feedback.setAttribute("identifier", "FEEDBACK");
            Xml.child(document, feedback, "variable").setAttribute("identifier", "RESPONSE");
        }
        set(document, processing, "GENERAL", "identifier", "GENERAL");
        if (!question.feedback().isEmpty()) {
            Element modal = Xml.child(document, item, "modalFeedback");
            modal.setAttribute("outcomeIdentifier", "GENERAL");
            modal.setAttribute("identifier", "GENERAL");
            modal.setAttribute("showHide", "show");
            Xml.text(document, modal, "p", question.feedback());
        }
        return document;
    }

    private static Element interaction(Document document, Element body, String name, boolean shuffle) {
        Element interaction = Xml.child(document, body, name);
        interaction.setAttribute("responseIdentifier", "RESPONSE");
        interaction.setAttribute("shuffle", String.valueOf(shuffle));
        return interaction;
    }

    private static void outcome(Document document, Element item, String identifier, String cardinality, String baseType) {
        Element outcome = Xml.child(document, item, "outcomeDeclaration");
        outcome.setAttribute("identifier", identifier);
        outcome.setAttribute("cardinality", cardinality);
        outcome.setAttribute("baseType", baseType);
    }

    private static void set(Document document, Element parent, String identifier, String baseType, String value) {
        Element set = Xml.child(document, parent, "setOutcomeValue");
        set.setAttribute("identifier", identifier);
        Element base = Xml.text(document, set, "baseValue", value);
        base.setAttribute("baseType", baseType);
    }

    /** A choice's identifier: CHOICE_A, CHOICE_B ... */
    private static String choice(Option option) {
        return "CHOICE_" + option.letter().toUpperCase(java.util.Locale.ROOT);
    }

    /** A matching phrase's identifier: PHRASE_COULD_READ_IT ... */
    private static String phraseId(String phrase) {
        return "PHRASE_" + phrase.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z]+", "_");
    }
}
