package org.envelopelab.routes.delivery;

import jakarta.mail.Session;
import org.eclipse.angus.mail.smtp.SMTPMessage;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A message as the relay hands it to the next server: the bytes it was submitted with, written
 * out again without being parsed. Jakarta Mail's SMTP transport needs a {@code MimeMessage}, and
 * parsing one per leg (which also looks up a stream provider through a {@code ServiceLoader}) was
 * a large part of the transport's own cost per message. What the transport would have left out
 * when writing a parsed message — the fields it is told to ignore, {@code Bcc} and
 * {@code Content-Length} — is left out here too; everything else goes byte for byte.
 */
final class RelayedMessage extends SMTPMessage {

    private final byte[] content;

    RelayedMessage(Session session, byte[] content, String envelopeFrom) {
        super(session);
        this.content = content;
        setEnvelopeFrom(envelopeFrom);
    }

    @Override
    public int getSize() {
        return content.length;
    }

    @Override
    public void writeTo(OutputStream out, String[] ignoreList) throws IOException {
        int position = 0;
        while (position < content.length && !isBlankLine(position)) {
            int end = endOfField(position);
            if (!ignored(position, ignoreList)) {
                out.write(content, position, end - position);
            }
            position = end;
        }
        out.write(content, position, content.length - position);
    }

    /** Where the field starting at {@code start} ends: after its last line, continuation lines included. */
    private int endOfField(int start) {
        int position = nextLine(start);
        while (position < content.length && (content[position] == ' ' || content[position] == '\t')) {
            position = nextLine(position);
        }
        return position;
    }

    private int nextLine(int from) {
        for (int i = from; i < content.length; i++) {
            if (content[i] == '\n') {
                return i + 1;
            }
        }
        return content.length;
    }

    private boolean isBlankLine(int position) {
        return content[position] == '\n' || (content[position] == '\r' && position + 1 < content.length && content[position + 1] == '\n');
    }

    private boolean ignored(int start, String[] ignoreList) {
        if (ignoreList == null) {
            return false;
        }
        for (String name : ignoreList) {
            int colon = start + name.length();
            if (colon < content.length && content[colon] == ':' && regionMatches(start, name)) {
                return true;
            }
        }
        return false;
    }

    private boolean regionMatches(int start, String name) {
        for (int i = 0; i < name.length(); i++) {
            if (Character.toLowerCase((char) content[start + i]) != Character.toLowerCase(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
