package org.envelopelab.smime;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransferEncodingTest {

    private static final MessageHead BASE64 = head("Content-Transfer-Encoding: base64\r\n\r\n");

    @Test
    void base64RoundTripsEveryPaddingAndLineLength() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        for (int length = 0; length < 300; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            try (OutputStream base64 = TransferEncoding.base64(wire)) {
                base64.write(data);
            }
            String text = wire.toString(StandardCharsets.US_ASCII);

            assertThat(text).endsWith("\r\n");
            assertThat(text.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(76));
            assertThat(Base64.getMimeDecoder().decode(text.trim())).isEqualTo(data);
            assertThat(TransferEncoding.decode(BASE64, new ByteArrayInputStream(wire.toByteArray())).readAllBytes()).isEqualTo(data);
        }
    }

    @Test
    void base64DecodingSkipsLineEndsAndStopsAtPadding() throws Exception {
        byte[] wire = "SGVs\nbG8s\r\nIFdv cmxk\r\nIQ==\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(TransferEncoding.decode(BASE64, new ByteArrayInputStream(wire)).readAllBytes())
                .isEqualTo("Hello, World!".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void base64CutInTheMiddleOfAGroupIsAnError() {
        byte[] wire = "SGVsbG8sIFdvcmxkI".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> TransferEncoding.decode(BASE64, new ByteArrayInputStream(wire)).readAllBytes())
                .isInstanceOf(IOException.class)
                .hasMessage("the base64 body ends in the middle of a character group");
    }

    @Test
    void canonicalFormEndsEveryLineWithCrlf() {
        byte[] text = "one\ntwo\r\nthree\n\nfour".getBytes(StandardCharsets.US_ASCII);

        assertThat(new String(CanonicalLineEndings.of(text), StandardCharsets.US_ASCII)).isEqualTo("one\r\ntwo\r\nthree\r\n\r\nfour");
    }

    private static MessageHead head(String text) {
        try {
            return MessageHead.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
