package org.envelopelab.smime;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

/**
 * A message parsed from finished bytes, exactly as {@code new MimeMessage(session, in)} parses it,
 * minus one cost: Jakarta Mail reads the header section through a {@code StreamProvider} that it
 * looks up with a {@code ServiceLoader} on every parse. On a 1KB message that lookup cost about as
 * much as everything else the codec does besides the RSA operation (measured with JFR in
 * {@code PrivateKeyBenchmark}), so the header lines are read here and handed to
 * {@link InternetHeaders#addHeaderLine}, which is what Jakarta Mail's own loop does with them.
 */
final class ParsedMessage extends MimeMessage {

    ParsedMessage(Session session, InputStream in) throws jakarta.mail.MessagingException {
        super(session, in);
    }

    @Override
    protected InternetHeaders createInternetHeaders(InputStream in) throws jakarta.mail.MessagingException {
        InternetHeaders headers = new HeaderLines();
        try {
            boolean first = true;
            for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
                // As Jakarta Mail does, a folded line with nothing before it starts a field of its own.
                headers.addHeaderLine(first ? line.stripLeading() : line);
                first = false;
            }
        } catch (IOException e) {
            throw new jakarta.mail.MessagingException("cannot read the header section: " + e.getMessage(), e);
        }
        return headers;
    }

    /** A line without its CRLF or LF, as ISO-8859-1 (what Jakarta Mail reads headers as); null at the end. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(80);
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n') {
            line.write(b);
            b = in.read();
        }
        int length = line.size();
        byte[] bytes = line.toByteArray();
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }

    /**
     * Headers in the order they arrived: {@code new InternetHeaders()} would start with empty
     * placeholders for the common fields, which {@code InternetHeaders(InputStream)} does not.
     */
    private static final class HeaderLines extends InternetHeaders {
        HeaderLines() {
            headers = new ArrayList<>(40);
        }
    }
}
