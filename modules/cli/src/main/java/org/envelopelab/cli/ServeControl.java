package org.envelopelab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.envelopelab.scenario.serve.PersonConsole;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The door {@code lab as} knocks on: a small HTTP endpoint of a served world on 127.0.0.1, which
 * acts as a person of the world with that person's own clients. Its address and a random token
 * are written to a file only the user can read; a request without the token is refused. When the
 * scenario's steps ran, the same server shows the run's report page at {@code /report.html} (it
 * holds no secret, so it needs no token).
 */
final class ServeControl implements AutoCloseable {

    /** Where a served world says how to reach it, relative to the lab's home folder. */
    static final Path FILE = Path.of("lab-out", "serve", "control.json");
    static final String TOKEN_HEADER = "X-Lab-Control-Token";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What {@code lab as} sends. */
    record Request(String person, String action, List<String> args) {
    }

    /** What it gets back: the exit code for {@code lab as} and the lines to print. */
    record Answer(int exit, List<String> lines) {
    }

    private final HttpServer server;
    private final Path file;
    private final boolean report;

    private ServeControl(HttpServer server, Path file, boolean report) {
        this.server = server;
        this.file = file;
        this.report = report;
    }

    /** Where the run's report page is served, when there is one. */
    Optional<URI> reportUri() {
        return report ? Optional.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/report.html"))
                : Optional.empty();
    }

    /** @param reportHtml the run's report page, or null when no steps ran */
    static ServeControl start(PersonConsole console, Path home, String reportHtml) throws IOException {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/as", exchange -> answer(exchange, token, console));
        if (reportHtml != null) {
            byte[] page = reportHtml.getBytes(StandardCharsets.UTF_8);
            server.createContext("/report.html", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
                if ("GET".equals(exchange.getRequestMethod()) && "/report.html".equals(exchange.getRequestURI().getPath())) {
                    exchange.sendResponseHeaders(200, page.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(page);
                    }
                } else {
                    exchange.sendResponseHeaders(404, -1);
                    exchange.close();
                }
            });
        }
        server.start();
        Path file = home.resolve(FILE);
        Files.createDirectories(file.getParent());
        // Written whole beside it, then moved in: lab as never reads half a file.
        Path written = Files.createTempFile(file.getParent(), "control", ".json",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(written, JSON.writeValueAsString(Map.of("url", "http://127.0.0.1:" + server.getAddress().getPort() + "/as",
                "token", token)), StandardCharsets.UTF_8);
        Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new ServeControl(server, file, reportHtml != null);
    }

    private static void answer(HttpExchange exchange, String token, PersonConsole console) throws IOException {
        Answer answer;
        String given = exchange.getRequestHeaders().getFirst(TOKEN_HEADER);
        if (!"POST".equals(exchange.getRequestMethod()) || given == null
                || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            answer = new Answer(ExitCodes.INVALID_INPUT, List.of("this served world does not know you: use the token in " + FILE));
        } else {
            try {
                Request request = JSON.readValue(exchange.getRequestBody(), Request.class);
                answer = new Answer(ExitCodes.OK, console.act(request.person(), request.action(),
                        request.args() == null ? List.of() : request.args()));
            } catch (PersonConsole.Declined declined) {
                answer = new Answer(ExitCodes.EXPECTATION_FAILED, List.of(declined.getMessage().split("\n")));
            } catch (PersonConsole.Refused refused) {
                answer = new Answer(ExitCodes.INVALID_INPUT, List.of(refused.getMessage()));
            } catch (Exception failed) {
                answer = new Answer(ExitCodes.LAB_FAILED, List.of("the lab could not do it: " + failed.getMessage()));
            }
        }
        byte[] body = JSON.writeValueAsBytes(answer);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover file points at a closed port: lab as says the world is gone
        }
    }
}
