package org.envelopelab.scenario.page;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;

import java.io.StringWriter;

/**
 * Renders the pages from the Mustache templates in {@code src/main/resources/org/envelopelab/scenario/page}.
 * Mustache HTML-escapes every {@code {{value}}}, the diagrams' SVG included (it is written by a
 * template too, from numbers and names), so a subject of {@code <script>} shows as those characters.
 * The templates never use the unescaped {@code {{{value}}}} form.
 */
final class Templates {

    private static final MustacheFactory TEMPLATES = new DefaultMustacheFactory("org/envelopelab/scenario/page");

    private Templates() {
    }

    static String render(String template, Object page) {
        StringWriter html = new StringWriter();
        TEMPLATES.compile(template + ".mustache").execute(html, page);
        return html.toString();
    }
}
