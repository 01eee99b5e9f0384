package org.envelopelab.portal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * HTTP/1.1 typed by hand over a socket, for what no well-behaved client sends: a forged Host
 * header, a path that is not a valid URI, a control character in a header, no Host at all. Each
 * request goes on its own connection, which the request asks to close.
 */
final class RawHttp {

    /** A response as it came off the wire; header names are looked up without regard to case. */
    record Response(int status, Map<String, List<String>> headers, String body) {

        Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? Optional.empty() : Optional.of(values.get(0));
        }
    }

    private final URI portal;

    RawHttp(URI portal) {
        this.portal = portal;
    }

    /** Sends the request line and headers as given (lines joined with CRLF, "Connection: close" added) and the body. */
    Response send(String requestLine, List<String> headers, String body) throws IOException {
        StringBuilder request = new StringBuilder(requestLine).append("\r\n");
        headers.forEach(header -> request.append(header).append("\r\n"));
        request.append("Connection: close\r\n\r\n").append(body);
        try (Socket socket = new Socket(portal.getHost(), portal.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return parse(readAll(socket.getInputStream()));
        }
    }

    /** A GET with the portal's own Host header. */
    Response get(String path) throws IOException {
        return send("GET " + path + " HTTP/1.1", List.of("Host: " + portal.getRawAuthority()), "");
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            in.transferTo(out);
        } catch (SocketTimeoutException e) {
            throw new IOException("the portal neither answered nor closed the connection: " + out, e);
        }
        return out.toByteArray();
    }

    private static Response parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            throw new IOException("not an HTTP response: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, List<String>> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        return new Response(Integer.parseInt(lines[0].substring(9, 12)), headers,
                new String(raw, end + 4, raw.length - end - 4, StandardCharsets.UTF_8));
    }
}
