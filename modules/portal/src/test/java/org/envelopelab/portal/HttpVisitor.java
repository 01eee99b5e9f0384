package org.envelopelab.portal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Someone talking HTTP to the portal without a browser: it follows no redirect (so every status
 * shows) and keeps cookies by name only, sending every one it holds to every path — which is
 * exactly what an attacker replaying a cookie on another message link does. Tests set and remove
 * cookies by hand to forge them.
 */
final class HttpVisitor {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");
    private static final Pattern REFERENCE = Pattern.compile("<strong id=\"reference\">([A-Z]{4})</strong>");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI origin;
    final Map<String, String> cookies = new LinkedHashMap<>();

    /** @param portal the portal's URI; requests take paths such as /portal/read/... */
    HttpVisitor(URI portal) {
        this.origin = URI.create(portal.getScheme() + "://" + portal.getRawAuthority());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<Void> head(String path) throws IOException, InterruptedException {
        return send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }

    HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A form post; a null value leaves the field out. */
    HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream().filter(field -> field.getValue() != null)
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue())).collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String csrf(HttpResponse<String> page) {
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new AssertionError("no CSRF field on the page (status " + page.statusCode() + "):\n" + page.body());
        }
        return csrf.group(1);
    }

    static String reference(HttpResponse<String> page) {
        Matcher reference = REFERENCE.matcher(page.body());
        if (!reference.find()) {
            throw new AssertionError("no reference code on the page:\n" + page.body());
        }
        return reference.group(1);
    }

    /** The raw Set-Cookie lines of a response. */
    static List<String> setCookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie");
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path)).timeout(Duration.ofSeconds(30));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return request;
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws IOException, InterruptedException {
        HttpResponse<T> response = http.send(request, body);
        for (String line : setCookies(response)) {
            String pair = line.split(";", 2)[0];
            int equals = pair.indexOf('=');
            cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return response;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
