package org.envelopelab.people;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.envelopelab.mailnet.Account;
import org.envelopelab.mailnet.MailSessions;
import org.envelopelab.mailnet.MailWorld;
import org.envelopelab.mailnet.Site;
import org.envelopelab.mailnet.SiteKind;
import org.envelopelab.mailnet.SiteSpec;
import org.envelopelab.mailnet.Submission;
import org.envelopelab.mailnet.TransportLogin;
import org.envelopelab.people.evidence.Access;
import org.envelopelab.people.evidence.Evidence;
import org.envelopelab.people.evidence.Followed;
import org.envelopelab.people.evidence.Party;
import org.envelopelab.people.evidence.Through;
import org.envelopelab.people.evidence.Timeline;
import org.envelopelab.people.writing.Draft;
import org.envelopelab.pki.KeyType;
import org.envelopelab.pki.LabPki;
import org.envelopelab.smime.client.Protection;
import org.envelopelab.smime.client.SmimeClient;
import org.envelopelab.smime.client.SmimeClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's actions on their own, in a world of one site and no Camel: a stand-in transport
 * hands each submission straight back to the site, signed in as the transport. What each action
 * returns and what it appends to the timeline is all there is to see.
 */
class PersonTest {

    private static final String ALICE = "alice@contoso.example";
    private static final String BOB = "bob@contoso.example";
    private static final String CARL = "carl@contoso.example";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

    private MailWorld world;
    private People people;
    private Timeline timeline;

    @BeforeEach
    void start() {
        world = MailWorld.start(List.of(new SiteSpec("Contoso", "contoso.example", SiteKind.ORGANIZATION, List.of(
                new Account(ALICE, "Alice Adams", "pw"), new Account(BOB, "Bob Brown", "pw"),
                new Account(CARL, "Carl Cole", "pw")))));
        world.onSubmission(PersonTest::deliverLocally);
        LabPki pki = new LabPki(CLOCK, new SecureRandom());
        var ca = pki.organizationCa("Contoso");
        SmimeClients smime = new SmimeClients();
        smime.register(new SmimeClient(ALICE, pki.issue(ca, ALICE, "Alice Adams", KeyType.EC_P256), pki.validator(),
                pki.directory(), CLOCK));
        var bob = smime.register(new SmimeClient(BOB, pki.issue(ca, BOB, "Bob Brown", KeyType.EC_P256), pki.validator(),
                pki.directory(), CLOCK));
        smime.register(new SmimeClient(CARL, null, pki.validator(), pki.directory(), CLOCK));
        pki.directory().publish(bob.credential().orElseThrow().certificate());
        timeline = new Timeline(CLOCK);
        people = new People(world, smime, null, timeline, CLOCK);
        timeline.beginStep(1);
    }

    @AfterEach
    void stop() {
        people.close();
        world.close();
    }

    /** The stand-in transport: every submission goes straight back to the site, as the real one's delivery does. */
    private static void deliverLocally(Submission submission) throws Exception {
        Site site = submission.site();
        TransportLogin login = site.transportLogin();
        Session session = MailSessions.smtp(site.host(), site.smtpPort(), true);
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(site.host(), site.smtpPort(), login.login(), login.password());
            InternetAddress[] to = submission.recipients().stream().map(PersonTest::address).toArray(InternetAddress[]::new);
            transport.sendMessage(new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(submission.content())), to);
        }
    }

    private static InternetAddress address(String address) {
        try {
            return new InternetAddress(address);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private void follow(String id, String to) {
        timeline.follow(new Followed(id, "<" + id + "@contoso.example>", ALICE, "contoso.example", List.of(to),
                Map.of("balance", "USD 1,284.10"), false, 1));
    }

    private static Draft draft(String id, String to, Protection protection) {
        return new Draft(ALICE, List.of(to), List.of(), List.of(), "Statement", "Your balance is USD 1,284.10.", "",
                List.of(), "<" + id + "@contoso.example>", protection);
    }

    @Test
    void aPlainMessageIsReadByItsWriterAndItsReaderInTheClear() throws Exception {
        follow("plain", BOB);
        Act sent = people.person(ALICE).send(draft("plain", BOB, null));
        timeline.beginStep(2);
        Act.Read read = people.person(BOB).read("INBOX");

        assertThat(sent).isEqualTo(new Act.Sent("<plain@contoso.example>", ""));
        assertThat(read.messages()).singleElement().satisfies(opened -> assertThat(opened.notes()).isEmpty());
        assertThat(timeline.about("plain")).extracting(Evidence::party, Evidence::step, Evidence::through, Evidence::secrets)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Party.sender(ALICE), 1, Through.PLAINTEXT, List.of("balance")),
                        org.assertj.core.groups.Tuple.tuple(Party.recipient(BOB), 2, Through.PLAINTEXT, List.of("balance")));
    }

    @Test
    void anSmimeMessageIsOpenedWithTheReadersOwnKey() throws Exception {
        follow("sealed", BOB);
        people.person(ALICE).send(draft("sealed", BOB, Protection.signAndEncrypt()));
        people.person(BOB).read("INBOX");

        Evidence bob = timeline.about("sealed").stream().filter(e -> e.party().equals(Party.recipient(BOB))).findFirst().orElseThrow();
        assertThat(bob.through()).isEqualTo(Through.SMIME_KEY);
        assertThat(bob.body()).isEqualTo(Access.READABLE);
        assertThat(bob.secrets()).containsExactly("balance");
        assertThat(bob.detail()).contains("their client opened it", "signature by Alice Adams <alice@contoso.example> verified");
    }

    @Test
    void theClientRefusesToEncryptForSomeoneWithoutACertificate() throws Exception {
        follow("refused", CARL);
        Act act = people.person(ALICE).send(draft("refused", CARL, Protection.signAndEncrypt()));

        assertThat(act).isInstanceOfSatisfying(Act.Refused.class, refused -> {
            assertThat(refused.by()).isEqualTo(ALICE + "'s client");
            assertThat(refused.reason()).contains("no certificate for " + CARL);
        });
        assertThat(timeline.about("refused")).as("nothing left the client").isEmpty();
    }

    @Test
    void aReaderWithoutAKeyHoldsOnlyCiphertext() throws Exception {
        follow("sealed", BOB);
        people.person(ALICE).send(draft("sealed", BOB, Protection.signAndEncrypt()));
        // Bob's copy, as it sits in his mailbox, reaches Carl, who has no key at all.
        var copy = world.site("Contoso").mailbox(BOB).inbox().get(0);
        deliverLocally(new Submission(world.site("Contoso"), BOB, List.of(CARL), copy.raw()));
        Act.Read read = people.person(CARL).read("INBOX");

        assertThat(read.messages()).singleElement().satisfies(opened -> assertThat(opened.notes())
                .singleElement().asString().contains("cannot open it", CARL + " has no private key"));
        Evidence carl = timeline.about("sealed").stream().filter(e -> e.party().equals(Party.recipient(CARL))).findFirst()
                .orElseThrow();
        assertThat(carl.through()).isEqualTo(Through.CIPHERTEXT);
        assertThat(carl.body()).isEqualTo(Access.ENCRYPTED);
        assertThat(carl.secrets()).isEmpty();
    }

    @Test
    void mailTheTimelineDoesNotFollowLeavesNoEvidence() throws Exception {
        people.person(ALICE).send(draft("quiet", BOB, null));
        people.person(BOB).read("INBOX");

        assertThat(timeline.entries()).isEmpty();
    }
}
