package org.envelopelab.mailnet;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailWorldTest {

    private MailWorld world;
    private final List<Submission> submitted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startWorld() {
        world = MailWorld.start(List.of(
                new SiteSpec("Contoso", "contoso.example", SiteKind.ORGANIZATION, List.of(
                        new Account("alice@contoso.example", "Alice", "alice-pw"),
                        new Account("bob@contoso.example", "Bob", "bob-pw"))),
                new SiteSpec("Gmail", "gmail.example", SiteKind.GMAIL, List.of(
                        new Account("carol@gmail.example", "Carol", "carol-pw"))),
                new SiteSpec("Yahoo", "yahoo.example", SiteKind.YAHOO, List.of())));
        world.onSubmission(submitted::add);
    }

    @AfterEach
    void stopWorld() {
        world.close();
    }

    @Test
    void everySiteListensOnLoopbackOnItsOwnPorts() {
        assertThat(world.sites()).allSatisfy(site -> {
            assertThat(site.host()).isEqualTo("127.0.0.1");
            assertThat(site.smtpPort()).isPositive();
            assertThat(site.imapPort()).isPositive();
        });
        assertThat(world.sites().stream().map(Site::smtpPort).distinct()).hasSize(3);
    }

    @Test
    void directoryMapsDomainsAndAddressesToSites() {
        assertThat(world.directory().siteFor("gmail.example")).contains(world.site("Gmail"));
        assertThat(world.directory().siteFor("Carol@GMAIL.example")).contains(world.site("Gmail"));
        assertThat(world.directory().siteFor("nowhere.example")).isEmpty();
    }

    @Test
    void signedInSubmissionGoesToTheTransportNotToAMailbox() throws Exception {
        try (MailClient alice = world.client("alice@contoso.example")) {
            alice.submit(message("alice@contoso.example", "bob@contoso.example", "Lunch?"),
                    List.of("bob@contoso.example", "carol@gmail.example"));
        }

        assertThat(submitted).singleElement().satisfies(submission -> {
            assertThat(submission.site().name()).isEqualTo("Contoso");
            assertThat(submission.sender()).isEqualTo("alice@contoso.example");
            assertThat(submission.recipients()).containsExactly("bob@contoso.example", "carol@gmail.example");
            assertThat(new String(submission.content())).contains("Subject: Lunch?").doesNotContain("Return-Path");
        });
        assertThat(world.site("Contoso").mailbox("bob@contoso.example").inbox()).isEmpty();
    }

    @Test
    void aReusedConnectionStaysSignedInForTheNextMessage() throws Exception {
        try (MailClient alice = world.client("alice@contoso.example")) {
            alice.submit(message("alice@contoso.example", "carol@gmail.example", "First"));
            alice.submit(message("alice@contoso.example", "carol@gmail.example", "Second"));
        }
        assertThat(submitted).extracting(Submission::sender).containsExactly("alice@contoso.example", "alice@contoso.example");
    }

    @Test
    void unauthenticatedDeliveryReachesOnlyLocalAccounts() throws Exception {
        Site gmail = world.site("Gmail");
        deliver(gmail, message("alice@contoso.example", "carol@gmail.example", "Hello Carol"), "carol@gmail.example");

        assertThat(gmail.mailbox("carol@gmail.example").inbox())
                .singleElement()
                .satisfies(mail -> assertThat(mail.summary().subject()).isEqualTo("Hello Carol"));
        assertThat(submitted).isEmpty();

        assertThatThrownBy(() -> deliver(gmail, message("a@contoso.example", "nobody@gmail.example", "x"), "nobody@gmail.example"))
                .isInstanceOf(SendFailedException.class)
                .hasStackTraceContaining("550 5.1.1");
        assertThatThrownBy(() -> deliver(gmail, message("a@contoso.example", "x@yahoo.example", "x"), "x@yahoo.example"))
                .isInstanceOf(SendFailedException.class)
                .hasStackTraceContaining("550 5.7.1");
    }

    @Test
    void aSignedInUserMaySendOnlyAsThemselves() throws Exception {
        Site contoso = world.site("Contoso");
        Session session = MailSessions.smtp(contoso.host(), contoso.smtpPort(), true);
        MimeMessage forged = message("bob@contoso.example", "carol@gmail.example", "Forged");
        forged.saveChanges();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(contoso.host(), contoso.smtpPort(), "alice@contoso.example", "alice-pw");
            forged.setFrom("bob@contoso.example");
            session.getProperties().put("mail.smtp.from", "bob@contoso.example");
            assertThatThrownBy(() -> transport.sendMessage(forged, forged.getAllRecipients()))
                    .isInstanceOf(MessagingException.class)
                    .hasStackTraceContaining("5.7.60");
        }
        assertThat(submitted).isEmpty();
    }

    @Test
    void aWrongPasswordDoesNotCountAsSignedIn() {
        Site contoso = world.site("Contoso");
        Session session = MailSessions.smtp(contoso.host(), contoso.smtpPort(), true);
        assertThatThrownBy(() -> {
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect(contoso.host(), contoso.smtpPort(), "alice@contoso.example", "wrong");
            }
        }).isInstanceOf(MessagingException.class);
        assertThat(submitted).isEmpty();
    }

    @Test
    void aClientReadsItsInboxAndSentFolderOverImap() throws Exception {
        Site gmail = world.site("Gmail");
        deliver(gmail, message("alice@contoso.example", "carol@gmail.example", "Statement"), "carol@gmail.example");

        try (MailClient carol = world.client("carol@gmail.example")) {
            assertThat(carol.inbox()).singleElement()
                    .satisfies(mail -> assertThat(mail.summary().subject()).isEqualTo("Statement"));
            carol.saveToSent(message("carol@gmail.example", "alice@contoso.example", "Thanks"));
        }
        assertThat(gmail.mailbox("carol@gmail.example").folders()).containsExactly("INBOX", "Sent");
        assertThat(gmail.mailbox("carol@gmail.example").messages("Sent")).hasSize(1);
    }

    @Test
    void aStoppedSiteRefusesConnectionsAndComesBackWithItsMailOnTheSamePorts() throws Exception {
        Site gmail = world.site("Gmail");
        deliver(gmail, message("alice@contoso.example", "carol@gmail.example", "Before the outage"), "carol@gmail.example");
        int smtpPort = gmail.smtpPort();
        int imapPort = gmail.imapPort();

        gmail.stop();
        assertThat(gmail.isRunning()).isFalse();
        assertThatThrownBy(() -> new Socket(gmail.host(), smtpPort).close()).isInstanceOf(ConnectException.class);

        gmail.start();
        assertThat(gmail.smtpPort()).isEqualTo(smtpPort);
        assertThat(gmail.imapPort()).isEqualTo(imapPort);
        try (MailClient carol = world.client("carol@gmail.example")) {
            assertThat(carol.inbox()).extracting(mail -> mail.summary().subject()).containsExactly("Before the outage");
        }
    }

    @Test
    void aSiteListensOnFixedPortsWhenAsked() throws Exception {
        int smtp;
        int imap;
        try (java.net.ServerSocket first = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             java.net.ServerSocket second = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            smtp = first.getLocalPort();
            imap = second.getLocalPort();
        }
        try (MailWorld fixed = MailWorld.start(List.of(new SiteSpec("Fixed", "fixed.example", SiteKind.PROVIDER,
                List.of(new Account("fay@fixed.example", "Fay", "fay-pw")), Ports.fixed(smtp, imap))))) {
            Site site = fixed.site("fixed.example");
            assertThat(site.smtpPort()).isEqualTo(smtp);
            assertThat(site.imapPort()).isEqualTo(imap);
            try (MailClient fay = fixed.client("fay@fixed.example")) {
                assertThat(fay.inbox()).isEmpty();
            }
        }
    }

    @Test
    void anAccountCanBeAddedToARunningSite() throws Exception {
        Site yahoo = world.site("Yahoo");
        yahoo.addAccount(new Account("dave@yahoo.example", "Dave", "dave-pw"));
        deliver(yahoo, message("alice@contoso.example", "dave@yahoo.example", "Welcome"), "dave@yahoo.example");
        assertThat(yahoo.mailbox("dave@yahoo.example").inbox()).hasSize(1);
        assertThatThrownBy(() -> yahoo.addAccount(new Account("eve@gmail.example", "Eve", "pw")))
                .hasMessageContaining("does not belong to yahoo.example");
    }

    @Test
    void unauthenticatedMailClaimingTheSitesOwnDomainIsRefusedAsSpoofing() throws Exception {
        Site contoso = world.site("Contoso");
        assertThatThrownBy(() -> deliver(contoso, message("lee@contoso.example", "bob@contoso.example", "Pay this invoice"),
                "bob@contoso.example"))
                .isInstanceOf(SendFailedException.class)
                .hasMessageContaining("550 5.7.1")
                .hasMessageContaining("may not claim to be from contoso.example");
        assertThat(contoso.mailbox("bob@contoso.example").inbox()).isEmpty();
    }

    @Test
    void theTransportSignedInMayDeliverMailOfTheSitesOwnDomain() throws Exception {
        Site contoso = world.site("Contoso");
        TransportLogin login = contoso.transportLogin();
        Session session = MailSessions.smtp(contoso.host(), contoso.smtpPort(), true);
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(contoso.host(), contoso.smtpPort(), login.login(), login.password());
            transport.sendMessage(message("alice@contoso.example", "bob@contoso.example", "Lunch?"),
                    new InternetAddress[] {new InternetAddress("bob@contoso.example")});
        }
        assertThat(contoso.mailbox("bob@contoso.example").inbox()).hasSize(1);
        assertThat(submitted).as("the transport's delivery is not a new submission").isEmpty();
        assertThat(login.toString()).doesNotContain(login.password());
    }

    @Test
    void aWrongTransportPasswordDoesNotSignIn() {
        Site contoso = world.site("Contoso");
        Session session = MailSessions.smtp(contoso.host(), contoso.smtpPort(), true);
        assertThatThrownBy(() -> {
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect(contoso.host(), contoso.smtpPort(), contoso.transportLogin().login(), "guessed");
            }
        }).isInstanceOf(jakarta.mail.AuthenticationFailedException.class);
    }

    private static MimeMessage message(String from, String to, String subject) throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(new java.util.Properties()));
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText("Hello from the lab.");
        message.saveChanges();
        return message;
    }

    /** Delivers as another mail server would: no AUTH, straight to the destination site. */
    private static void deliver(Site site, MimeMessage message, String recipient) throws MessagingException {
        Session session = MailSessions.smtp(site.host(), site.smtpPort(), false);
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, new InternetAddress[] {new InternetAddress(recipient)});
        }
    }
}
