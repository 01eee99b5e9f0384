package org.envelopelab.service.message;

import org.envelopelab.service.protection.Letter;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class OuterHeadersTest {

    @Test
    void keepsWhatTravelsOutsideTheProtectionAndLeavesBccAndContentHeadersBehind() {
        OuterHeaders headers = OuterHeaders.read(Letter.statement().bcc("erin@yahoo.example").bytes());

        assertThat(headers.keptLines()).extracting(line -> line.substring(0, line.indexOf(':')))
                .containsExactlyInAnyOrder("Date", "From", "To", "Cc", "Message-ID", "Subject");
    }

    @Test
    void readsNamesSubjectDateAndMessageId() {
        OuterHeaders headers = OuterHeaders.read(Letter.statement().subject("Relevé de mars").bytes());

        assertThat(headers.senderName()).isEqualTo("Alice Adams");
        assertThat(headers.displayNameOf("BOB@contoso-bank.example")).isEqualTo("Bob Brown");
        assertThat(headers.displayNameOf("nobody@example.test")).isEqualTo("nobody@example.test");
        assertThat(headers.subject()).isEqualTo("Relevé de mars");
        assertThat(headers.date()).hasValue(Instant.parse("2026-03-02T08:55:00Z"));
        assertThat(headers.messageId()).hasValue("<statement-1@contoso-bank.example>");
    }

    @Test
    void keepsFoldedFieldsAsTheyArrived() {
        String message = "From: a@x.example\r\nTo: b@y.example,\r\n c@z.example\r\nSubject: hi\r\n\r\nbody\r\n";

        OuterHeaders headers = OuterHeaders.read(message.getBytes(StandardCharsets.US_ASCII));

        assertThat(headers.keptLines()).contains("To: b@y.example,\r\n c@z.example");
        assertThat(headers.to()).hasSize(2);
        assertThat(headers.messageId()).isEmpty();
    }
}
