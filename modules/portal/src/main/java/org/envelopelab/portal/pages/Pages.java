package org.envelopelab.portal.pages;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import io.javalin.http.Context;

import java.io.StringWriter;

/**
 * Renders the portal's pages from the Mustache templates in {@code src/main/resources/portal}.
 * Mustache is logic-less and HTML-escapes every {@code {{value}}}: a subject or sender name of
 * {@code <script>} shows as those characters. The templates never use the unescaped
 * {@code {{{value}}}} form.
 */
public final class Pages {

    private final MustacheFactory templates = new DefaultMustacheFactory("portal");

    /** The page as HTML; {@code template} names a file {@code <template>.mustache}. */
    public String render(String template, Object page) {
        StringWriter html = new StringWriter();
        templates.compile(template + ".mustache").execute(html, page);
        return html.toString();
    }

    public void show(Context ctx, int status, String template, Object page) {
        ctx.status(status).contentType("text/html; charset=utf-8").result(render(template, page));
    }
}
