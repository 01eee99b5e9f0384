package org.envelopelab.routes.delivery;

import jakarta.mail.Session;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class RelayedMessageTest {

    private static final Session SESSION = Session.getInstance(new Properties());

    private static String relayed(String submitted, String... ignored) throws Exception {
        RelayedMessage message = new RelayedMessage(SESSION, submitted.getBytes(StandardCharsets.ISO_8859_1), "alice@contoso.example");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out, ignored);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void leavesOutBccWithItsContinuationLinesAndKeepsEverythingElseByteForByte() throws Exception {
        String submitted = "From: Alice <alice@contoso.example>\r\n"
                + "BCC: Dave Diaz <dave@yahoo.example>,\r\n"
                + "\tErin <erin@gmail.example>\r\n"
                + "To: carol@gmail.example\r\n"
                + "Content-Length: 99\r\n"
                + "Subject: Statement\r\n"
                + "\r\n"
                + "Bcc: this line is body text, not a header\r\n";

        String relayed = relayed(submitted, "Bcc", "Content-Length");

        assertThat(relayed).isEqualTo("From: Alice <alice@contoso.example>\r\n"
                + "To: carol@gmail.example\r\n"
                + "Subject: Statement\r\n"
                + "\r\n"
                + "Bcc: this line is body text, not a header\r\n");
    }

    @Test
    void aFieldWhoseNameOnlyStartsLikeAnIgnoredOneStays() throws Exception {
        String submitted = "Bccx: kept\r\nTo: carol@gmail.example\r\n\r\nHi.\r\n";

        assertThat(relayed(submitted, "Bcc")).isEqualTo(submitted);
    }

    @Test
    void withNothingToIgnoreTheBytesGoAsSubmittedAndTheSizeIsTheirs() throws Exception {
        String submitted = "To: carol@gmail.example\nSubject: bare line ends\n\nHi.\n";
        RelayedMessage message = new RelayedMessage(SESSION, submitted.getBytes(StandardCharsets.ISO_8859_1), "alice@contoso.example");

        assertThat(relayed(submitted)).isEqualTo(submitted);
        assertThat(message.getSize()).isEqualTo(submitted.length());
        assertThat(message.getEnvelopeFrom()).isEqualTo("alice@contoso.example");
    }
}
