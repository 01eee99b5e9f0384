package org.envelopelab.routes;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.envelopelab.mailnet.Account;
import org.envelopelab.mailnet.MailWorld;
import org.envelopelab.mailnet.Site;
import org.envelopelab.mailnet.SiteKind;
import org.envelopelab.mailnet.SiteSpec;
import org.envelopelab.transport.Envelope;
import org.envelopelab.transport.MailFlow;
import org.envelopelab.routes.ledger.Disposition;
import org.envelopelab.routes.ledger.Journey;
import org.envelopelab.routes.ledger.Relay;
import org.envelopelab.routes.ledger.Totals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransportTest {

    private static final Duration SETTLE = Duration.ofSeconds(20);

    private MailWorld world;
    private MailRoutes routes;

    @BeforeEach
    void startWorld() throws Exception {
        world = MailWorld.start(List.of(
                new SiteSpec("Contoso", "contoso.example", SiteKind.ORGANIZATION, List.of(
                        new Account("alice@contoso.example", "Alice Adams", "alice-pw"),
                        new Account("bob@contoso.example", "Bob Brown", "bob-pw"))),
                new SiteSpec("Gmail", "gmail.example", SiteKind.GMAIL, List.of(
                        new Account("carol@gmail.example", "Carol Chen", "carol-pw"))),
                new SiteSpec("Yahoo Mail", "yahoo.example", SiteKind.YAHOO, List.of(
                        new Account("dave@yahoo.example", "Dave Diaz", "dave-pw"))),
                new SiteSpec("Outlook.com", "outlook.example", SiteKind.OUTLOOK, List.of(
                        new Account("erin@outlook.example", "Erin Evans", "erin-pw")))));
        routes = start(TransportSettings.defaults()
                .withRedelivery(12, Duration.ofMillis(100), Duration.ofMillis(400))
                .withMaxMessageBytes(64 * 1024));
    }

    private MailRoutes start(TransportSettings settings) throws Exception {
        return MailRoutes.start(world, settings, MailFlow.NONE);
    }

    @AfterEach
    void stopWorld() {
        routes.close();
        world.close();
    }

    @Test
    void mailCrossesFourSitesAndIsReadBackWithAPlainImapClient() throws Exception {
        Letter.from("alice@contoso.example").to("carol@gmail.example", "dave@yahoo.example").cc("erin@outlook.example")
                .subject("Quarterly numbers").text("Revenue is up.").sendIn(world);

        assertThat(routes.awaitSettled(SETTLE)).isTrue();
        for (String[] reader : new String[][] {
                {"Gmail", "carol@gmail.example", "carol-pw"},
                {"Yahoo Mail", "dave@yahoo.example", "dave-pw"},
                {"Outlook.com", "erin@outlook.example", "erin-pw"}}) {
            List<String> read = readInbox(world.site(reader[0]), reader[1], reader[2]);
            assertThat(read).as(reader[1]).containsExactly("Quarterly numbers | Revenue is up.");
        }
        Journey journey = routes.ledger().journeys().get(0);
        assertThat(journey.relays()).extracting(Relay::to)
                .containsExactlyInAnyOrder("gmail.example", "yahoo.example", "outlook.example");
        assertThat(journey.recipients(Disposition.DELIVERED)).hasSize(3);
    }

    @Test
    void internalMailPassesThroughTheTransportToo() throws Exception {
        String messageId = Letter.from("alice@contoso.example").to("bob@contoso.example").subject("Lunch").text("At noon?").sendIn(world);

        assertThat(routes.awaitSettled(SETTLE)).isTrue();
        Journey journey = routes.ledger().journey(messageId).orElseThrow();
        assertThat(journey.relays()).singleElement().satisfies(relay -> {
            assertThat(relay.from()).isEqualTo("contoso.example");
            assertThat(relay.to()).isEqualTo("contoso.example");
        });
        assertThat(readInbox(world.site("Contoso"), "bob@contoso.example", "bob-pw")).containsExactly("Lunch | At noon?");
        String stored = new String(world.site("Contoso").mailbox("bob@contoso.example").inbox().get(0).raw());
        // One Received line from submission, one from the transport's delivery: it went round, not straight in.
        assertThat(stored.lines().filter(line -> line.startsWith("Received:"))).hasSize(2);
    }

    @Test
    void bccRecipientsGetTheMessageButNobodySeesTheirAddress() throws Exception {
        Letter.from("alice@contoso.example").to("carol@gmail.example").bcc("dave@yahoo.example")
                .subject("Invoice").text("Attached soon.").sendIn(world);

        assertThat(routes.awaitSettled(SETTLE)).isTrue();
        String atCarol = new String(world.site("Gmail").mailbox("carol@gmail.example").inbox().get(0).raw());
        String atDave = new String(world.site("Yahoo Mail").mailbox("dave@yahoo.example").inbox().get(0).raw());
        assertThat(atCarol).doesNotContain("dave@yahoo.example");
        assertThat(atDave).doesNotContain("Bcc:");
        String sent = new String(world.site("Contoso").mailbox("alice@contoso.example").messages("Sent").get(0).raw());
        assertThat(sent).contains("Bcc: dave@yahoo.example");
    }

    @Test
    void anUnknownDomainBouncesWithANonDeliveryReportToTheSender() throws Exception {
        String messageId = Letter.from("alice@contoso.example").to("someone@nowhere.example").subject("Hello").text("Hi.").sendIn(world);

        assertThat(routes.awaitSettled(SETTLE)).isTrue();
        assertThat(routes.ledger().journey(messageId).orElseThrow().outcomes().get("someone@nowhere.example").disposition())
                .isEqualTo(Disposition.BOUNCED);
        String report = onlyReportIn("alice@contoso.example");
        assertThat(report).contains("Subject: Undeliverable: Hello", "From: Mail Delivery System <MAILER-DAEMON@contoso.example>",
                "multipart/report", "report-type=delivery-status",
                "Final-Recipient: rfc822; someone@nowhere.example", "Status: 5.1.2", "Action: failed");
    }

    @Test
    void anUnknownUserBouncesWhileTheOtherRecipientsGetTheMessage() throws Exception {
        String messageId = Letter.from("alice@contoso.example").to("carol@gmail.example", "nobody@gmail.example")
                .subject("Statement").text("Your statement.").sendIn(world);

        assertThat(routes.awaitSettled(SETTLE)).isTrue();
        Journey journey = routes.ledger().journey(messageId).orElseThrow();
        assertThat(journey.recipients(Disposition.DELIVERED)).containsExactly("carol@gmail.example");
        assertThat(journey.recipients(Disposition.BOUNCED)).containsExactly("nobody@gmail.example");
        assertThat(journey.outcomes().get("nobody@gmail.example").detail()).contains("550 5.1.1");
        assertThat(onlyReportIn("alice@contoso.example"))
                .contains("Final-Recipient: rfc822; nobody@gmail.example", "Status: 5.1.1");
        assertThat(readInbox(world.site("Gmail"), "carol@gmail.example", "carol-pw")).hasSize(1);
    }

    @Test
    void aMessageOverTheSizeLimitBouncesForEveryRecipient() throws Exception {
        byte[] big = new byte[100 * 1024];
        String messageId = Letter.from("alice@contoso.example").to("carol@gmail.example", "bob@contoso.example")
                .subject("Scans").text("See attached.").attach("scan.bin", big).sendIn(world);

        assertThat(routes.awaitSettled(SETTLE)).isTrue();
        assertThat(routes.ledger().journey(messageId).orElseThrow().recipients(Disposition.BOUNCED))
                .containsExactlyInAnyOrder("carol@gmail.example", "bob@contoso.example");
        assertThat(world.site("Gmail").mailbox("carol@gmail.example").inbox()).isEmpty();
        String report = onlyReportIn("alice@contoso.example");
        assertThat(report).contains("Status: 5.3.4", "exceeds the limit of 65536 bytes");
        assertThat(report).doesNotContain("scan.bin\r\nContent-Transfer-Encoding: base64\r\n\r\nAAAA");
    }

    @Test
    void aSiteThatComesBackGetsTheMessageOnRedelivery() throws Exception {
        Site gmail = world.site("Gmail");
        gmail.stop();
        String messageId = Letter.from("alice@contoso.example").to("carol@gmail.example").subject("Are you there?").text("Ping.").sendIn(world);

        Thread.sleep(300);
        assertThat(routes.ledger().journey(messageId).orElseThrow().settled()).isFalse();
        gmail.start();

        assertThat(routes.awaitSettled(SETTLE)).isTrue();
        assertThat(routes.ledger().journey(messageId).orElseThrow().recipients(Disposition.DELIVERED))
                .containsExactly("carol@gmail.example");
        assertThat(readInbox(gmail, "carol@gmail.example", "carol-pw")).containsExactly("Are you there? | Ping.");
        assertThat(routes.deadLetters().all()).isEmpty();
    }

    @Test
    void aSiteThatStaysDownEndsInTheDeadLetterStore() throws Exception {
        routes.close();
        routes = start(TransportSettings.defaults().withRedelivery(2, Duration.ofMillis(20), Duration.ofMillis(40)));
        world.site("Yahoo Mail").stop();

        String messageId = Letter.from("alice@contoso.example").to("dave@yahoo.example", "carol@gmail.example")
                .subject("Outage").text("Hello?").sendIn(world);

        assertThat(routes.awaitSettled(SETTLE)).isTrue();
        Journey journey = routes.ledger().journey(messageId).orElseThrow();
        assertThat(journey.recipients(Disposition.DEAD_LETTERED)).containsExactly("dave@yahoo.example");
        assertThat(journey.recipients(Disposition.DELIVERED)).containsExactly("carol@gmail.example");
        assertThat(routes.deadLetters().all()).singleElement().satisfies(letter -> {
            assertThat(letter.recipients()).containsExactly("dave@yahoo.example");
            assertThat(letter.reason()).contains("yahoo.example did not take", "Connection refused");
        });
    }

    @Test
    void theLedgerAccountsForEverySubmittedMessage() throws Exception {
        List<Letter> letters = new ArrayList<>();
        String[] senders = {"alice@contoso.example", "bob@contoso.example", "carol@gmail.example", "dave@yahoo.example"};
        String[][] recipientSets = {
                {"erin@outlook.example"},
                {"carol@gmail.example", "ghost@gmail.example"},
                {"dave@yahoo.example", "x@unknown.example", "bob@contoso.example"},
        };
        for (int i = 0; i < 24; i++) {
            String[] recipients = recipientSets[i % recipientSets.length];
            letters.add(Letter.from(senders[i % senders.length]).to(recipients).subject("Message " + i).text("Body " + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> sent = new ArrayList<>();
            letters.forEach(letter -> sent.add(pool.submit(() -> letter.sendIn(world))));
            for (Future<String> future : sent) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(routes.awaitSettled(SETTLE)).isTrue();
        Totals totals = routes.ledger().totals();
        assertThat(totals.messages()).isEqualTo(24);
        assertThat(totals.recipients()).isEqualTo(8 * 1 + 8 * 2 + 8 * 3);
        assertThat(totals.delivered()).isEqualTo(8 + 8 + 16);
        assertThat(totals.bounced()).isEqualTo(8 + 8);
        assertThat(totals.deadLettered()).isZero();
        assertThat(totals.pending()).isZero();
        assertThat(totals.balanced()).isTrue();
        Totals reports = routes.ledger().totals(Envelope.Kind.REPORT);
        assertThat(reports.messages()).isEqualTo(16);
        assertThat(reports.delivered()).isEqualTo(16);
    }

    @Test
    void aFullQueueMakesTheSenderWaitForRoomInsteadOfRefusingTheMessage() throws Exception {
        routes.close();
        CountDownLatch held = new CountDownLatch(1);
        MailFlow slow = envelope -> {
            held.await();
            return List.of(envelope);
        };
        routes = MailRoutes.start(world, TransportSettings.defaults().withQueueSize(20), slow);
        int messages = 40;   // 20 queued, 4 in the transport's hands, the rest must wait for room
        ExecutorService sender = Executors.newSingleThreadExecutor();
        try {
            Future<?> sent = sender.submit(() -> {
                for (int i = 0; i < messages; i++) {
                    Letter.from("alice@contoso.example").to("carol@gmail.example").subject("Queued " + i).text("Body " + i).sendIn(world);
                }
                return null;
            });
            long deadline = System.nanoTime() + SETTLE.toNanos();
            while (routes.ledger().pendingCount() < 20 + 4 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThatThrownBy(() -> sent.get(500, TimeUnit.MILLISECONDS)).as("the sender waits on a full queue")
                    .isInstanceOf(TimeoutException.class);
            assertThat(routes.ledger().pendingCount()).as("20 queued, 4 in the mail flow, 1 waiting for room").isEqualTo(20 + 4 + 1);

            held.countDown();
            sent.get(SETTLE.toSeconds(), TimeUnit.SECONDS);
        } finally {
            held.countDown();
            sender.shutdownNow();
        }
        assertThat(routes.awaitSettled(SETTLE)).isTrue();
        assertThat(routes.ledger().totals().delivered()).isEqualTo(messages);
        assertThat(readInbox(world.site("Gmail"), "carol@gmail.example", "carol-pw")).hasSize(messages);
    }

    @Test
    void theTopologyNamesEveryRouteAndStep() {
        assertThat(routes.topology()).contains(
                "route transport: from seda:submitted",
                "route deliver: from direct:deliver", "route bounce: from direct:bounce",
                "route dead-letter: from direct:dead-letter",
                "the organization's mail service: flow rules and encryption plug in here");
    }

    private String onlyReportIn(String address) {
        var inbox = world.site(world.directory().siteFor(address).orElseThrow().name()).mailbox(address).inbox();
        assertThat(inbox).hasSize(1);
        return new String(inbox.get(0).raw());
    }

    /** Reads an inbox the way any IMAP client would: plain Jakarta Mail, no lab classes. */
    private static List<String> readInbox(Site site, String user, String password) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.imap.host", site.host());
        properties.put("mail.imap.port", Integer.toString(site.imapPort()));
        try (Store store = Session.getInstance(properties).getStore("imap")) {
            store.connect(user, password);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> read = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                read.add(message.getSubject() + " | " + text(message).trim());
            }
            inbox.close(false);
            return read;
        }
    }

    private static String text(Message message) throws Exception {
        Object content = message.getContent();
        if (content instanceof Multipart multipart) {
            return String.valueOf(multipart.getBodyPart(0).getContent());
        }
        if (content instanceof String text) {
            return text;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ((MimeMessage) message).writeTo(out);
        return out.toString();
    }
}
