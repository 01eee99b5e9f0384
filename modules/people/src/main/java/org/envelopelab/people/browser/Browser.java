package org.envelopelab.people.browser;

import org.envelopelab.mailnet.MailClient;
import org.envelopelab.mailnet.StoredMail;
import org.envelopelab.people.Act;
import org.envelopelab.people.PortalPage;
import org.envelopelab.service.portal.PasscodeMail;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's web browser on the organization's portal, over HTTP, as a person would use it:
 * follow the wrapper's link, ask for a one-time passcode, find the passcode mail in their own
 * mailbox, enter it, and read the page — then reply or try to forward. What the person saw is
 * read off the pages themselves.
 */
public final class Browser {

    private static final Pattern PASSCODE = Pattern.compile("passcode:\\s+(\\d{6,8})", Pattern.CASE_INSENSITIVE);
    private static final Duration MAIL_WAIT = Duration.ofSeconds(30);
    private static final Duration MAIL_POLL = Duration.ofMillis(50);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

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

    private final String address;
    private final MailClient mail;
    private final Duration patience;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(REQUEST_TIMEOUT)
            .build();

    /** @param mail the person's own mail client, where the passcode mail arrives */
    public Browser(String address, MailClient mail) {
        this(address, mail, MAIL_WAIT);
    }

    private Browser(String address, MailClient mail, Duration patience) {
        this.address = address;
        this.mail = mail;
        this.patience = patience;
    }

    /** The same person, checking their mailbox for a passcode for at most this long. */
    public Browser withPatience(Duration wait) {
        return new Browser(address, mail, wait);
    }

    /** How a person proves who they are to the portal. */
    public enum SignInBy {
        /** A one-time passcode mailed to the address the message was sent to. */
        PASSCODE("a one-time passcode mailed to them"),
        /** Their Google, Yahoo or Microsoft account (in the lab, a simulated provider that checks their mail password). */
        PROVIDER("their mail provider's account");

        private final String words;

        SignInBy(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * Opens a wrapper's link and goes as far as asked.
     *
     * @param by        how they sign in
     * @param password  their account password, for signing in with their provider
     * @param say       narration of each move
     * @param reply     a reply to write, or null
     * @param forwardTo an address to forward to, or null
     */
    public Act.PortalVisit visit(String messageId, URI link, SignInBy by, String password, String reply, String forwardTo,
                                 Consumer<String> say) throws Exception {
        say.accept("    " + address + " opens the link in the wrapper");
        Page landing = get(link);
        if (landing.status() != 200) {
            return refused(messageId, landing.refusal());
        }
        Page signedInPage = by == SignInBy.PROVIDER ? withProvider(landing, password, say) : withPasscode(landing, say);
        if (signedInPage.status() != 303) {
            return refused(messageId, signedInPage.refusal());
        }
        Page message = get(signedInPage.uri().resolve(signedInPage.location()));
        if (message.status() != 200) {
            return refused(messageId, message.refusal());
        }
        PortalPage shown = shown(message);
        say.accept("    the portal shows \"" + shown.subject() + "\" from " + shown.from() + "; it offers: "
                + (shown.actions().isEmpty() ? "reading only" : String.join(", ", shown.actions())));
        String signedIn = by.words();
        Act.Replied replied = null;
        if (reply != null) {
            Page answered = submit(message, "reply", Map.of("text", reply));
            if (answered.status() != 200) {
                return new Act.PortalVisit(messageId, signedIn, shown, answered.refusal(), null, null);
            }
            replied = replied(answered);
            say.accept("    " + address + " replies in the portal; the reply leaves through the service, protected");
        }
        Act.Forwarded forward = null;
        if (forwardTo != null) {
            Page forwarded = forward(message, forwardTo, say);
            if (forwarded.status() != 200) {
                return new Act.PortalVisit(messageId, signedIn, shown, forwarded.refusal(), replied, null);
            }
            Act.Replied sent = replied(forwarded);
            forward = new Act.Forwarded(messageId, sent == null ? "" : sent.messageId(), List.of(forwardTo),
                    "forwarded from the portal; the service protects the new copy");
            say.accept("    " + address + " forwards it to " + forwardTo + "; the service protects the new copy for them");
        }
        return new Act.PortalVisit(messageId, signedIn, shown, "", replied, forward);
    }

    /** The passcode way in: ask for one, find it in the mailbox, enter it. A 303 to the message means it worked. */
    private Page withPasscode(Page landing, Consumer<String> say) throws Exception {
        Page sent = submit(landing, "passcode", Map.of("email", address));
        if (sent.status() != 200) {
            return sent;
        }
        say.accept("    the portal mails a one-time passcode to " + address + ", and shows a reference code to match the mail");
        Optional<String> passcode = passcodeMail(sent.text("reference"));
        if (passcode.isEmpty()) {
            return new Page(404, sent.uri(), Jsoup.parse("<p id=\"error\">no passcode mail with the page's reference arrived</p>"), "");
        }
        say.accept("    " + address + " finds the passcode mail with that reference in their INBOX and enters the passcode");
        return submit(sent, "verify", Map.of("email", address, "passcode", passcode.get()));
    }

    /** The provider way in: follow the landing page's link for their own provider, and sign in there. */
    private Page withProvider(Page landing, String password, Consumer<String> say) throws Exception {
        String domain = address.substring(address.indexOf('@') + 1);
        Element link = landing.document().selectFirst("a[href*=/signin?provider=" + domain + "]");
        if (link == null) {
            return new Page(403, landing.uri(), Jsoup.parse("<p id=\"error\">the portal offers no sign-in with "
                    + domain + " for this message</p>"), "");
        }
        say.accept("    " + address + " chooses \"" + link.text().trim() + "\" and signs in with their " + domain + " password");
        Page form = get(landing.uri().resolve(link.attr("href")));
        if (form.status() != 200) {
            return form;
        }
        return submit(form, "signin", Map.of("email", address, "password", password));
    }

    private static Act.PortalVisit refused(String messageId, String refusal) {
        return new Act.PortalVisit(messageId, "", null, refusal, null, null);
    }

    /** The Message-ID and recipients of the mail a notice page says went out (a reply, a forward). */
    private static Act.Replied replied(Page page) {
        Element notice = page.document().getElementById("notice");
        if (notice == null || notice.attr("data-message-id").isEmpty()) {
            return null;
        }
        List<String> recipients = Arrays.stream(notice.attr("data-recipients").split(","))
                .map(String::trim).filter(recipient -> !recipient.isEmpty()).toList();
        return new Act.Replied(notice.attr("data-message-id"), recipients);
    }

    /** The page offers no forward under Do Not Forward; a crafted request must be refused by the server too. */
    private Page forward(Page message, String to, Consumer<String> say) throws Exception {
        if (message.document().getElementById("forward") != null) {
            return submit(message, "forward", Map.of("to", to));
        }
        say.accept("    the page offers no way to forward it; a hand-made forward request goes to the server anyway");
        URI action = message.uri().resolve(message.uri().getPath().replaceFirst("/message$", "/forward"));
        Element csrf = message.document().selectFirst("input[name=csrf]");
        return post(action, Map.of("to", to, "csrf", csrf == null ? "" : csrf.attr("value")));
    }

    private PortalPage shown(Page page) throws Exception {
        List<PortalPage.File> files = new ArrayList<>();
        for (Element link : page.document().select("a[href*=/attachments/]")) {
            HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(page.uri().resolve(link.attr("href")))
                    .timeout(REQUEST_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (file.statusCode() == 200) {
                files.add(new PortalPage.File(link.text().trim(), file.body()));
            }
        }
        List<String> actions = new ArrayList<>();
        for (String action : List.of("reply", "reply-all", "forward", "print")) {
            if (page.document().getElementById(action) != null) {
                actions.add(action);
            }
        }
        Element frame = page.document().selectFirst("iframe[srcdoc]");
        return new PortalPage(page.text("subject"), page.text("from").replaceFirst("^From:\\s*", ""), page.text("body"),
                frame == null ? "" : Jsoup.parse(frame.attr("srcdoc")).text(), files, actions);
    }

    /** Checks the mailbox until the passcode mail with this reference arrives, and reads the passcode out of it. */
    private Optional<String> passcodeMail(String reference) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!reference.isEmpty()) {
            for (StoredMail stored : mail.fetch("INBOX")) {
                String text = new String(stored.raw(), StandardCharsets.UTF_8);
                if (stored.summary().subject().equals(PasscodeMail.SUBJECT) && text.contains("Reference: " + reference)) {
                    Matcher matcher = PASSCODE.matcher(text);
                    if (matcher.find()) {
                        return Optional.of(matcher.group(1));
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(MAIL_POLL.toMillis());
        }
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
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return page(uri, response);
    }

    private Page post(URI uri, Map<String, String> values) throws Exception {
        String form = values.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return page(uri, response);
    }

    private static Page page(URI uri, HttpResponse<String> response) {
        return new Page(response.statusCode(), uri, Jsoup.parse(response.body(), uri.toString()),
                response.headers().firstValue("Location").orElse(""));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
