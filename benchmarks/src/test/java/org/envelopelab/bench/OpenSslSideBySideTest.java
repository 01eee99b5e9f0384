package org.envelopelab.bench;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class OpenSslSideBySideTest {

    private static final byte[] ENTITY = "From: a@b.example\r\nSubject: hi\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void theSameEntityBehindTheLabsOuterHeadersCountsAsTheSame() {
        assertThat(OpenSslSideBySide.sameEntity(bytes("MIME-Version: 1.0\r\n", ENTITY), ENTITY)).isTrue();
        assertThat(OpenSslSideBySide.sameEntity(ENTITY, ENTITY)).isTrue();
    }

    @Test
    void aWholeMessageCountsAsTheSameWithItsMimeVersionMovedToTheFront() {
        byte[] message = SampleMail.bytes(2048);
        String asLabWritesIt = "MIME-Version: 1.0\r\n"
                + new String(message, StandardCharsets.US_ASCII).replace("MIME-Version: 1.0\r\n", "");
        assertThat(OpenSslSideBySide.sameEntity(asLabWritesIt.getBytes(StandardCharsets.US_ASCII), message)).isTrue();
        String bodyChanged = asLabWritesIt.replace("USD 1,284.10", "USD 9,284.10");
        assertThat(OpenSslSideBySide.sameEntity(bodyChanged.getBytes(StandardCharsets.US_ASCII), message)).isFalse();
        String mimeVersionLost = new String(message, StandardCharsets.US_ASCII).replace("MIME-Version: 1.0\r\n", "");
        assertThat(OpenSslSideBySide.sameEntity(mimeVersionLost.getBytes(StandardCharsets.US_ASCII), message)).isFalse();
    }

    @Test
    void aDifferentEntityOrSomethingOtherThanHeadersInFrontIsNotTheSame() {
        assertThat(OpenSslSideBySide.sameEntity(bytes("MIME-Version: 1.0\r\n", "From: x@y.example\r\n\r\nbody\r\n".getBytes(
                StandardCharsets.US_ASCII)), ENTITY)).isFalse();
        assertThat(OpenSslSideBySide.sameEntity(bytes("MIME-Version: 1.0\r\n\r\nextra\r\n", ENTITY), ENTITY)).isFalse();
    }

    private static byte[] bytes(String prefix, byte[] rest) {
        byte[] head = prefix.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + rest.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(rest, 0, all, head.length, rest.length);
        return all;
    }
}
