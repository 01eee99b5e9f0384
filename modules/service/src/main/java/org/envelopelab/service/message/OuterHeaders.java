package org.envelopelab.service.message;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeUtility;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The header fields of a message that stay readable when the service protects it — who wrote it,
 * to whom, about what, when, and how it threads — read from the header section alone, without
 * parsing the body. The fields keep the exact text they arrived in, so the protected message and
 * the wrapper can carry them on unchanged.
 */
public final class OuterHeaders {

    /** The fields that travel outside the protection, as in Office 365 Message Encryption. Bcc never does. */
    private static final Set<String> KEPT = Set.of("from", "to", "cc", "subject", "date", "message-id", "reply-to",
            "in-reply-to", "references");

    /** One header field: its name and its text as it arrived, continuation lines included. */
    private record Field(String name, String line) {

        String value() {
            return MimeUtility.unfold(line.substring(line.indexOf(':') + 1)).trim();
        }
    }

    private final List<Field> fields;
    private final List<String> keptLines;

    private OuterHeaders(List<Field> fields) {
        this.fields = List.copyOf(fields);
        this.keptLines = fields.stream().filter(field -> KEPT.contains(field.name().toLowerCase(Locale.ROOT)))
                .map(Field::line).toList();
    }

    /**
     * Reads the header section at the start of an RFC 5322 message, up to the blank line. Read here
     * rather than with Jakarta Mail's InternetHeaders, which looks up a stream provider through a
     * ServiceLoader each time — too slow for a step every protected message takes. Bytes are read
     * as UTF-8, which RFC 6532 allows in headers and which ASCII is part of.
     */
    public static OuterHeaders read(byte[] message) {
        List<Field> fields = new ArrayList<>();
        int position = 0;
        while (position < message.length) {
            int end = position;
            while (end < message.length && message[end] != '\n') {
                end++;
            }
            int contentEnd = end > position && message[end - 1] == '\r' ? end - 1 : end;
            String line = new String(message, position, contentEnd - position, StandardCharsets.UTF_8);
            position = end + 1;
            if (line.isEmpty()) {
                break;
            }
            boolean continuation = line.charAt(0) == ' ' || line.charAt(0) == '\t';
            if (continuation && !fields.isEmpty()) {
                Field last = fields.remove(fields.size() - 1);
                fields.add(new Field(last.name(), last.line() + "\r\n" + line));
            } else if (line.indexOf(':') > 0) {
                fields.add(new Field(line.substring(0, line.indexOf(':')).trim(), line));
            }
        }
        return new OuterHeaders(fields);
    }

    /** From, To, Cc, Subject, Date, Message-ID, Reply-To, In-Reply-To and References as they arrived, in order. */
    public List<String> keptLines() {
        return keptLines;
    }

    /** Whether the header section has the field, readable or not. */
    public boolean has(String name) {
        return fields.stream().anyMatch(field -> field.name().equalsIgnoreCase(name));
    }

    /** The Message-ID with its angle brackets, if the message has one. */
    public Optional<String> messageId() {
        return value("Message-ID").map(String::trim).filter(id -> !id.isEmpty());
    }

    /** The subject as people read it (RFC 2047 encoded words decoded); empty when there is none. */
    public String subject() {
        return value("Subject").map(OuterHeaders::decoded).orElse("");
    }

    public Optional<InternetAddress> from() {
        return addresses("From").findFirst();
    }

    public List<InternetAddress> to() {
        return addresses("To").toList();
    }

    public List<InternetAddress> cc() {
        return addresses("Cc").toList();
    }

    /** When the author sent it (the Date field), if it is there and readable. */
    public Optional<Instant> date() {
        return value("Date").flatMap(date -> {
            try {
                return Optional.of(new MailDateFormat().parse(date).toInstant());
            } catch (ParseException e) {
                return Optional.empty();
            }
        });
    }

    /** The author's display name ("Alice Adams") as it may be shown ({@link ShownName}), or their address when the From field names none. */
    public String senderName() {
        return from().map(OuterHeaders::nameOf).orElse("");
    }

    /**
     * The name a person goes by in this message's From, To or Cc fields, or their address: "Bob
     * Brown" for bob@contoso.example when the message was sent "To: Bob Brown &lt;bob@...&gt;".
     */
    public String displayNameOf(String address) {
        return Stream.of("From", "To", "Cc").flatMap(this::addresses)
                .filter(candidate -> address.equalsIgnoreCase(candidate.getAddress()))
                .map(OuterHeaders::nameOf)
                .findFirst().orElse(address);
    }

    private static String nameOf(InternetAddress address) {
        String name = ShownName.of(address.getPersonal()).strip();
        return name.isEmpty() ? address.getAddress() : name;
    }

    private Optional<String> value(String name) {
        return fields.stream().filter(field -> field.name().equalsIgnoreCase(name)).findFirst().map(Field::value);
    }

    private Stream<InternetAddress> addresses(String name) {
        return value(name).stream().flatMap(list -> {
            try {
                return Stream.of(InternetAddress.parseHeader(list, false));
            } catch (AddressException e) {
                return Stream.empty();
            }
        });
    }

    private static String decoded(String text) {
        try {
            return MimeUtility.decodeText(text.trim());
        } catch (UnsupportedEncodingException e) {
            return text.trim();
        }
    }
}
