package org.envelopelab.portal.reading;

import io.javalin.http.Context;
import org.envelopelab.portal.guard.PortalCookies;
import org.envelopelab.portal.guard.Refusal;
import org.envelopelab.portal.guard.SecurityHeaders;
import org.envelopelab.service.message.Attachment;
import org.envelopelab.service.message.ShownName;
import org.envelopelab.service.portal.PortalApi;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * GET /read/{token}/attachments/{index}: one file of the message, always as a download. The
 * number is the only way to name a file — never its name, never a path — and the sender's file
 * name goes into the header only after everything that could break out of the quotes, climb a
 * directory or fool a terminal is taken out.
 */
public final class AttachmentDownload {

    /** No message has a million attachments; anything longer or not plain digits is no attachment. */
    private static final Pattern INDEX = Pattern.compile("0|[1-9][0-9]{0,5}");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,127}");
    private static final int LONGEST_NAME = 120;

    private final PortalApi api;

    public AttachmentDownload(PortalApi api) {
        this.api = api;
    }

    public void download(Context ctx) {
        String number = ctx.pathParam("index");
        if (!INDEX.matcher(number).matches()) {
            throw new Refusal(404, "This message has no such attachment.");
        }
        String token = ctx.pathParam("token");
        api.landing(token);
        Attachment file = api.download(token, PortalCookies.session(ctx), Integer.parseInt(number));
        ctx.header("Content-Security-Policy", SecurityHeaders.DOWNLOAD_POLICY);
        ctx.header("Content-Disposition", contentDisposition(file.name()));
        ctx.contentType(mediaType(file.type()));
        ctx.result(file.bytes());
    }

    /** {@code attachment; filename="<ASCII>"; filename*=UTF-8''<the name, percent-encoded>} (RFC 6266). */
    static String contentDisposition(String name) {
        String safe = safeName(name);
        StringBuilder ascii = new StringBuilder();
        for (char c : safe.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? c : '_');
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(safe, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * The last path segment as a person may be shown it ({@link ShownName}: no control or bidi
     * characters), without leading dots, at most 120 characters; "attachment" when nothing is left.
     */
    static String safeName(String name) {
        String base = ShownName.of(name);
        base = base.substring(Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')) + 1);
        String trimmed = base.strip().replaceFirst("^[.\\s]+", "");
        if (trimmed.codePointCount(0, trimmed.length()) > LONGEST_NAME) {
            trimmed = trimmed.substring(0, trimmed.offsetByCodePoints(0, LONGEST_NAME));
        }
        return trimmed.isEmpty() ? "attachment" : trimmed;
    }

    private static String mediaType(String type) {
        String lower = type == null ? "" : type.toLowerCase(Locale.ROOT).trim();
        return MEDIA_TYPE.matcher(lower).matches() ? lower : "application/octet-stream";
    }
}
