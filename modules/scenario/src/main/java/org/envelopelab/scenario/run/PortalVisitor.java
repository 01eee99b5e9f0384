package org.envelopelab.scenario.run;

import org.envelopelab.mailnet.StoredMail;
import org.envelopelab.scenario.transcript.ContentInspector;
import org.envelopelab.service.message.Attachment;
import org.envelopelab.service.portal.PasscodeMail;
import org.envelopelab.service.portal.PortalView;
import org.envelopelab.service.rights.Right;
import org.envelopelab.service.wrapper.WrapperMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An outside recipient going through the portal over HTTP, as a person with a browser would: find
 * the wrapper in their mailbox, follow its link, ask for a one-time passcode, fetch the passcode
 * mail from their own mailbox over IMAP, enter it, and read the page — then reply or try to
 * forward. What the recipient saw is taken from the pages themselves.
 */
final class PortalVisitor {

    private static final Pattern PASSCODE = Pattern.compile("passcode:\\s+(\\d{6,8})", Pattern.CASE_INSENSITIVE);
    private static final Duration MAIL_WAIT = Duration.ofSeconds(30);
    private static final Duration MAIL_HANDOVER = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    /**
     * What happened.
     *
     * @param view    what the portal showed, or null when it refused before showing anything
     * @param refusal the portal's refusal; empty when everything asked was done
     */
    record Outcome(PortalView view, String refusal) {
        boolean refused() {
            return !refusal.isEmpty();
        }
    }

    /** A page as the browser got it; {@code location} is where a redirect points, or empty. */
    private record Page(int status, URI uri, Document document, String location) {
        String text(String id) {
            Element element = document.getElementById(id);
            return element == null ? "" : element.text();
        }

        /** The sentence a refusal page shows. */
        String refusal() {
            String error = text("error");
            return !error.isEmpty() ? error : document.select("main p").stream().map(Element::text).findFirst()
                    .orElse(document.body() == null ? "HTTP " + status : document.body().text());
        }
    }

    private final LabWorld lab;
    private final Observatory observatory;
    private final Consumer<String> say;
    private final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(REQUEST_TIMEOUT)
            .build();

    PortalVisitor(LabWorld lab, Observatory observatory, Consumer<String> say) {
        this.lab = lab;
        this.observatory = observatory;
        this.say = say;
    }

    Outcome visit(String who, String messageId, String reply, String forwardTo) throws Exception {
        Optional<URI> link = wrapperLink(who, messageId);
        if (link.isEmpty()) {
            return new Outcome(null, "there is no wrapper for this message in " + who + "'s INBOX");
        }
        say.accept("    " + who + " opens the link in the wrapper");
        Page landing = get(link.get());
        if (landing.status() != 200) {
            return new Outcome(null, landing.refusal());
        }
        Page sent = submit(landing, "passcode", Map.of("email", who));
        if (sent.status() != 200) {
            return new Outcome(null, sent.refusal());
        }
        say.accept("    the portal mails a one-time passcode to " + who + ", and shows a reference code to match the mail");
        Optional<String> passcode = passcodeMail(who, sent.text("reference"));
        if (passcode.isEmpty()) {
            return new Outcome(null, "no passcode mail with the page's reference arrived");
        }
        say.accept("    " + who + " finds the passcode mail with that reference in their INBOX and enters the passcode");
        Page verified = submit(sent, "verify", Map.of("email", who, "passcode", passcode.get()));
        if (verified.status() != 303) {
            return new Outcome(null, verified.refusal());
        }
        Page message = get(verified.uri().resolve(verified.location()));
        if (message.status() != 200) {
            return new Outcome(null, message.refusal());
        }
        PortalView view = view(message);
        say.accept("    the portal shows \"" + view.subject() + "\" from " + view.from() + "; it offers: "
                + view.rights().stream().map(Right::label).collect(Collectors.joining(", ")));
        if (reply != null) {
            Page replied = submit(message, "reply", Map.of("text", reply));
            if (replied.status() != 200) {
                return new Outcome(view, replied.refusal());
            }
            say.accept("    " + who + " replies in the portal; the reply leaves through the service, protected");
        }
        if (forwardTo != null) {
            Page forwarded = forward(message, forwardTo);
            if (forwarded.status() != 200) {
                return new Outcome(view, forwarded.refusal());
            }
            say.accept("    " + who + " forwards it to " + forwardTo + "; the service protects the new copy for them");
        }
        return new Outcome(view, "");
    }

    /** The page offers no forward under Do Not Forward; a crafted request must be refused by the server too. */
    private Page forward(Page message, String to) throws Exception {
        Element form = message.document().getElementById("forward");
        if (form != null) {
            return submit(message, "forward", Map.of("to", to));
        }
        say.accept("    the page offers no way to forward it; a hand-made forward request goes to the server anyway");
        URI action = message.uri().resolve(message.uri().getPath().replaceFirst("/message$", "/forward"));
        return post(action, Map.of("to", to, "csrf", csrf(message.document())));
    }

    private PortalView view(Page page) throws Exception {
        List<Attachment> attachments = new ArrayList<>();
        for (Element link : page.document().select("a[href*=/attachments/]")) {
            HttpResponse<byte[]> file = browser.send(HttpRequest.newBuilder(page.uri().resolve(link.attr("href")))
                    .timeout(REQUEST_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (file.statusCode() == 200) {
                attachments.add(new Attachment(link.text().trim(), file.headers().firstValue("Content-Type")
                        .orElse("application/octet-stream"), file.body()));
            }
        }
        Set<Right> rights = EnumSet.of(Right.VIEW);
        Map<String, Right> actions = Map.of("reply", Right.REPLY, "reply-all", Right.REPLY_ALL, "forward", Right.FORWARD,
                "print", Right.PRINT);
        actions.forEach((id, right) -> {
            if (page.document().getElementById(id) != null) {
                rights.add(right);
            }
        });
        Element frame = page.document().selectFirst("iframe[srcdoc]");
        return new PortalView(page.text("subject"), page.text("from").replaceFirst("^From:\\s*", ""), null, page.text("body"),
                frame == null ? "" : Jsoup.parse(frame.attr("srcdoc")).text(), attachments, rights, null);
    }

    private Optional<URI> wrapperLink(String who, String messageId) throws Exception {
        for (Observatory.Received received : observatory.read(who, "INBOX")) {
            StoredMail mail = received.mail();
            if (mail.summary().messageId().equals(messageId)
                    && ContentInspector.inspect(mail.raw()).format() == ContentInspector.Format.WRAPPER) {
                return WrapperMessage.portalLink(mail.raw());
            }
        }
        return Optional.empty();
    }

    /**
     * Waits for the passcode mail with this reference to arrive, and reads the passcode out of it.
     * The portal hands it to the transport only after it has answered (50 ms after), so the
     * transport is asked again until the mail is there or a loaded machine has had two seconds to
     * hand it over; a visitor the message was not sent to gets none.
     */
    private Optional<String> passcodeMail(String who, String reference) throws Exception {
        long deadline = System.nanoTime() + MAIL_HANDOVER.toNanos();
        do {
            lab.routes().awaitSettled(MAIL_WAIT);
            for (StoredMail mail : lab.client(who).fetch("INBOX")) {
                String text = new String(mail.raw(), StandardCharsets.UTF_8);
                if (!mail.summary().subject().equals(PasscodeMail.SUBJECT) || reference.isEmpty()
                        || !text.contains("Reference: " + reference)) {
                    continue;
                }
                Matcher matcher = PASSCODE.matcher(text);
                if (matcher.find()) {
                    return Optional.of(matcher.group(1));
                }
            }
            Thread.sleep(200);
        } while (!reference.isEmpty() && System.nanoTime() < deadline);
        return Optional.empty();
    }

    /** Fills in and posts the page's form whose action ends in {@code /<action>}, keeping its hidden fields. */
    private Page submit(Page page, String action, Map<String, String> fields) throws Exception {
        Element form = page.document().selectFirst("form[action$=/" + action + "]");
        if (form == null) {
            form = page.document().getElementById(action);
        }
        if (form == null) {
            throw new IllegalStateException("the portal page " + page.uri() + " has no '" + action + "' form");
        }
        Map<String, String> values = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(input -> values.put(input.attr("name"), input.attr("value")));
        values.putAll(fields);
        return post(page.uri().resolve(form.attr("action")), values);
    }

    private Page get(URI uri) throws Exception {
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return page(uri, response);
    }

    private Page post(URI uri, Map<String, String> values) throws Exception {
        String form = values.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return page(uri, response);
    }

    private static Page page(URI uri, HttpResponse<String> response) {
        return new Page(response.statusCode(), uri, Jsoup.parse(response.body(), uri.toString()),
                response.headers().firstValue("Location").orElse(""));
    }

    private static String csrf(Document document) {
        Element input = document.selectFirst("input[name=csrf]");
        return input == null ? "" : input.attr("value");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
