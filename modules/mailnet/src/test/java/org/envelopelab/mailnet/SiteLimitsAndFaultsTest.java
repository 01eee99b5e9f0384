package org.envelopelab.mailnet;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A site's SMTP limits (SIZE, recipients) and its faults, spoken to over a raw socket as swaks would. */
class SiteLimitsAndFaultsTest {

    private MailWorld world;
    private Site site;

    @BeforeEach
    void startWorld() {
        world = MailWorld.start(List.of(new SiteSpec("Gmail", "gmail.example", SiteKind.GMAIL, List.of(
                new Account("carol@gmail.example", "Carol", "carol-pw")))), new SiteLimits(1000, 3));
        world.onSubmission(submission -> { });
        site = world.site("gmail.example");
    }

    @AfterEach
    void stopWorld() {
        world.close();
    }

    @Test
    void ehloAdvertisesTheSizeLimitAndMailFromRefusesALargerAnnouncedMessage() throws Exception {
        try (Smtp smtp = new Smtp(site)) {
            assertThat(smtp.multiline("EHLO client.example")).contains("250-SIZE 1000").last().asString()
                    .startsWith("250 AUTH");
            assertThat(smtp.say("MAIL FROM:<dave@outlook.example> SIZE=1001")).isEqualTo(
                    "552 5.3.4 Message size exceeds fixed maximum message size (1000 bytes)");
            assertThat(smtp.say("MAIL FROM:<dave@outlook.example> SIZE=99999999999999999999999")).startsWith("552 5.3.4");
            assertThat(smtp.say("MAIL FROM:<dave@outlook.example> SIZE=1000")).isEqualTo("250 OK");
        }
    }

    @Test
    void refusesTheRecipientPastTheLimitAndThenTheMessage() throws Exception {
        try (Smtp smtp = new Smtp(site)) {
            smtp.multiline("EHLO client.example");
            smtp.say("AUTH PLAIN " + Base64.getEncoder().encodeToString(
                    "\0carol@gmail.example\0carol-pw".getBytes(StandardCharsets.UTF_8)));
            smtp.say("MAIL FROM:<carol@gmail.example>");
            for (String to : List.of("a@x.example", "b@x.example", "c@x.example")) {
                assertThat(smtp.say("RCPT TO:<" + to + ">")).isEqualTo("250 OK");
            }
            assertThat(smtp.say("RCPT TO:<d@x.example>")).isEqualTo(
                    "550 5.5.3 Too many recipients: gmail.example accepts at most 3 per message");
            assertThat(smtp.say("DATA")).startsWith("550 5.5.3");
        }
    }

    @Test
    void aDeferringSiteAnswers4xxAtMailFromUntilCleared() throws Exception {
        site.faults().defer(SiteFaults.DEFERRING);
        try (Smtp smtp = new Smtp(site)) {
            smtp.multiline("EHLO client.example");
            assertThat(smtp.say("MAIL FROM:<dave@outlook.example>")).isEqualTo(SiteFaults.DEFERRING);
            site.faults().clear();
            assertThat(smtp.say("MAIL FROM:<dave@outlook.example>")).isEqualTo("250 OK");
        }
    }

    @Test
    void aSiteThatDropsDuringDataClosesTheConnectionAfterTheFirstLine() throws Exception {
        site.faults().dropDuringData(true);
        try (Smtp smtp = new Smtp(site)) {
            smtp.multiline("EHLO client.example");
            smtp.say("MAIL FROM:<dave@outlook.example>");
            smtp.say("RCPT TO:<carol@gmail.example>");
            assertThat(smtp.say("DATA")).startsWith("354");
            assertThat(smtp.say("Subject: hello")).isNull();
        }
        assertThat(site.mailbox("carol@gmail.example").inbox()).isEmpty();
    }

    @Test
    void aSlowSiteAnswersLate() throws Exception {
        site.faults().answerSlowly(Duration.ofMillis(300));
        try (Smtp smtp = new Smtp(site)) {
            long started = System.nanoTime();
            smtp.say("NOOP");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
        assertThat(site.faults().describe()).isEqualTo("answers 300 ms late");
    }

    @Test
    void aMessageDeliveredTwiceIsStoredOnceAsExchangeDropsDuplicates() throws Exception {
        for (int i = 0; i < 2; i++) {
            try (Smtp smtp = new Smtp(site)) {
                smtp.multiline("EHLO mx.outlook.example");
                smtp.say("MAIL FROM:<dave@outlook.example>");
                smtp.say("RCPT TO:<carol@gmail.example>");
                smtp.say("DATA");
                smtp.say("Message-ID: <once@outlook.example>\r\nSubject: hello\r\n\r\nhi\r\n.");
            }
        }
        assertThat(site.mailbox("carol@gmail.example").inbox()).hasSize(1);
    }

    /** A line-by-line SMTP conversation. */
    private static final class Smtp implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;

        Smtp(Site site) throws Exception {
            socket = new Socket(site.host(), site.smtpPort());
            socket.setSoTimeout(5000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            out = socket.getOutputStream();
            in.readLine();
        }

        String say(String line) throws Exception {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return in.readLine();
        }

        List<String> multiline(String line) throws Exception {
            List<String> lines = new ArrayList<>();
            String reply = say(line);
            lines.add(reply);
            while (reply.charAt(3) == '-') {
                reply = in.readLine();
                lines.add(reply);
            }
            return lines;
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }
}
