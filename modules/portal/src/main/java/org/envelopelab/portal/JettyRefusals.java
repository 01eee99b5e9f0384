package org.envelopelab.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.envelopelab.portal.guard.Refusal;
import org.envelopelab.portal.guard.SecurityHeaders;
import org.envelopelab.portal.pages.Look;
import org.envelopelab.portal.pages.Pages;
import org.envelopelab.portal.pages.RefusalPage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The answers Jetty gives itself, which never reach Javalin: a path outside {@code /portal} (such
 * as {@code /} or {@code /favicon.ico}), a path the servlet context refuses ({@code %2e%2e}), a
 * request it cannot parse (a broken percent-encoding, a space, a control character, no Host).
 * Jetty's own pages carry none of the portal's security headers and name the server; these carry
 * the headers and show the portal's refusal page, in the organization's look, whatever the method.
 */
final class JettyRefusals extends ErrorHandler {

    private final Pages pages;
    private final Supplier<Look> look;

    /** @param look the organization's look, for pages that belong to no message */
    JettyRefusals(Pages pages, Supplier<Look> look) {
        this.pages = pages;
        this.look = look;
    }

    /** Every method gets the page and, above all, the headers: by default Jetty skips both for OPTIONS, TRACE and the like. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    /** A refusal Jetty decided on after reading the request (its status is set); to HEAD, Jetty sends the headers only. */
    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        baseRequest.setHandled(true);
        SecurityHeaders.apply(response::setHeader);
        byte[] page = page(response.getStatus());
        response.setContentType("text/html; charset=utf-8");
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }

    /** A request Jetty could not even read: no handler runs, so the headers go straight into the response's fields. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        SecurityHeaders.apply(fields::put);
        fields.put("Content-Type", "text/html; charset=utf-8");
        return ByteBuffer.wrap(page(status));
    }

    private byte[] page(int status) {
        String sentence = switch (status) {
            case 404 -> Refusal.NO_SUCH_LINK;
            case 400 -> "The portal could not read this address. Open the link from your mail again, exactly as it is.";
            default -> "The portal could not take this request.";
        };
        return pages.render("refusal", RefusalPage.of(look.get(), status, sentence, null, null))
                .getBytes(StandardCharsets.UTF_8);
    }
}
