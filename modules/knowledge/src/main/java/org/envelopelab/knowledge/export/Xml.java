package org.envelopelab.knowledge.export;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The JDK's DOM, set up once: namespace-aware, no external entities, indented output. */
final class Xml {

    private Xml() {
    }

    static Document newDocument() {
        return builder().newDocument();
    }

    static Document parse(String xml) {
        try {
            return builder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (Exception e) {
            throw new IllegalStateException("the JDK's XML parser cannot be set up", e);
        }
    }

    static String write(Document document) {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("the JDK's XML writer failed", e);
        }
    }

    /** A child element with text. */
    static Element text(Document document, Element parent, String name, String text) {
        Element element = (Element) parent.appendChild(document.createElementNS(parent.getNamespaceURI(), name));
        element.setTextContent(text);
        return element;
    }

    static Element child(Document document, Element parent, String name) {
        return (Element) parent.appendChild(document.createElementNS(parent.getNamespaceURI(), name));
    }

    /** Text as a paragraph of HTML, escaped. */
    static String html(String text) {
        return "<p>" + escape(text).replace("\n", "<br>") + "</p>";
    }

    /** The inverse of {@link #html}. */
    static String unhtml(String html) {
        String text = html.strip();
        if (text.startsWith("<p>") && text.endsWith("</p>")) {
            text = text.substring(3, text.length() - 4);
        }
        return text.replace("<br>", "\n").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&amp;", "&");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
