package org.envelopelab.scenario.run;

import org.envelopelab.scenario.script.Scenario;
import org.envelopelab.scenario.script.ScenarioParser;
import org.envelopelab.people.evidence.Access;
import org.envelopelab.people.evidence.Party;
import org.envelopelab.scenario.judge.Verdict;
import org.envelopelab.scenario.page.ReportPage;
import org.envelopelab.scenario.transcript.ReportWriter;
import org.envelopelab.scenario.transcript.Transcript;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioRunTest {

    private static final Path BANK = Path.of("../../scenarios/bank-statement.yaml");

    private final List<String> narration = new ArrayList<>();

    private Transcript run(Scenario scenario) throws Exception {
        return new ScenarioRunner(narration::add).run(scenario);
    }

    private static Scenario inline(String yaml) throws Exception {
        return ScenarioParser.parse("inline.yaml", yaml, Path.of("."));
    }

    @Test
    void inTheBankScenarioEveryPartyTheStatementTouchedCouldReadTheCardNumber() throws Exception {
        Transcript transcript = run(ScenarioParser.parse(BANK));

        assertThat(transcript.passed()).isTrue();
        assertThat(transcript.expectations()).hasSize(8).allMatch(Transcript.ExpectationRecord::held);
        Transcript.MessageRecord statement = transcript.messages().get(0);
        assertThat(statement.readers()).extracting(o -> o.party().label()).containsExactly(
                "sender alice@contoso.example",
                "mail service of contoso.example",
                "eavesdropper on contoso.example -> contoso.example",
                "eavesdropper on contoso.example -> gmail.example",
                "mailbox of carol@gmail.example",
                "recipient carol@gmail.example",
                "mailbox of bob@contoso.example",
                "recipient bob@contoso.example");
        assertThat(statement.readers()).allSatisfy(verdict -> {
            assertThat(verdict.held()).isTrue();
            assertThat(verdict.body()).isEqualTo(Access.READABLE);
            assertThat(verdict.attachmentNames()).containsExactly("statement-2026-03.csv");
            assertThat(verdict.secrets()).containsExactly("balance", "card number");
        });
        assertThat(narration).anyMatch(line -> line.contains("downloaded 1 message over IMAP"));
    }

    @Test
    void inTheAttorneyScenarioOnlyGraceAndFrankReadTheContract() throws Exception {
        Scenario attorney = ScenarioParser.parse(Path.of("../../scenarios/attorney.yaml"));
        Transcript transcript = run(attorney);

        assertThat(transcript.passed()).as(transcript.expectations().toString()).isTrue();
        assertThat(transcript.steps().get(1).narration()).anyMatch(line ->
                line.contains("client refused: no certificate for frank@fabrikam.example: exchange signed mail first"));
        Transcript.MessageRecord contract = transcript.messages().stream().filter(m -> m.id().equals("contract")).findFirst().orElseThrow();
        for (Verdict observation : contract.readers()) {
            boolean endpoint = observation.party().kind() == Party.Kind.SENDER || observation.party().kind() == Party.Kind.RECIPIENT;
            assertThat(observation.headers()).as(observation.party().label()).isEqualTo(Access.READABLE);
            assertThat(observation.body()).as(observation.party().label())
                    .isEqualTo(endpoint ? Access.READABLE : Access.ENCRYPTED);
            assertThat(observation.secrets()).as(observation.party().label())
                    .isEqualTo(endpoint ? List.of("earn-out", "price") : List.of());
        }
        assertThat(observation(contract, Party.Kind.RECIPIENT, "frank@fabrikam.example").why())
                .contains("their client opened it (authEnveloped-data (aes-256-gcm), then clear-signed)",
                        "signature by Grace Hollis <grace@contoso-legal.example> verified");
        assertThat(ReportWriter.json(run(attorney))).as("S/MIME runs reproduce too").isEqualTo(ReportWriter.json(transcript));
    }

    @Test
    void serviceRunsReproduceToo() throws Exception {
        Scenario clinic = ScenarioParser.parse(Path.of("../../scenarios/clinic.yaml"));
        Transcript first = run(clinic);
        Transcript second = run(clinic);
        assertThat(ReportWriter.json(second)).isEqualTo(ReportWriter.json(first));
        assertThat(ReportPage.html(second)).as("report.html, portal visits and refusals drawn").isEqualTo(ReportPage.html(first));
    }

    @Test
    void inTheBankScenarioTheServiceProtectsCardDataAndOnlyThePortalShowsItOutside() throws Exception {
        Transcript transcript = run(ScenarioParser.parse(Path.of("../../scenarios/bank.yaml")));

        assertThat(transcript.passed()).as(transcript.expectations().toString()).isTrue();
        Transcript.MessageRecord statement = message(transcript, "carol-statement");
        assertThat(statement.service()).anySatisfy(line -> assertThat(line)
                .startsWith("rule-matched (transport): 'Protect card data sent outside' applied")
                .contains("**** **** **** 1111").doesNotContain("4111 1111 1111 1111"));
        assertThat(observation(statement, Party.Kind.MAILBOX, "carol@gmail.example")).satisfies(o -> {
            assertThat(o.body()).isEqualTo(Access.NOT_IN_COPY);
            assertThat(o.why()).contains("a wrapper with a link to the portal");
        });
        assertThat(observation(statement, Party.Kind.RECIPIENT, "carol@gmail.example").why())
                .contains("read it in the organization's portal after proving who they are with a one-time passcode");
        assertThat(observation(statement, Party.Kind.RECIPIENT, "bob@contoso-bank.example").why())
                .contains("got a use license from the service (Encrypt-Only");
        assertThat(observation(statement, Party.Kind.MAILBOX, "audit@contoso-bank.example").why())
                .contains("journal copy, decrypted by the service itself");
        Transcript.MessageRecord dave = message(transcript, "dave-statement");
        assertThat(observation(dave, Party.Kind.RECIPIENT, "dave@yahoo.example").held())
                .as("dave never opened the link, so nothing of the statement reached him").isFalse();
        assertThat(message(transcript, "smime-statement").service()).anySatisfy(line ->
                assertThat(line).contains("the message is S/MIME-encrypted: the service cannot see its body"));
        assertThat(message(transcript, "notice").service()).isEmpty();
    }

    @Test
    void inTheMortgageScenarioTheCustomersPortalReplyReachesTheBrokerProtected() throws Exception {
        Transcript transcript = run(ScenarioParser.parse(Path.of("../../scenarios/mortgage.yaml")));

        assertThat(transcript.passed()).as(transcript.expectations().toString()).isTrue();
        assertThat(narration).anyMatch(line -> line.contains("the reply is followed as 'answer'"));
        Transcript.MessageRecord answer = message(transcript, "answer");
        assertThat(observation(answer, Party.Kind.RECIPIENT, "omar@northwind-mortgages.example").secrets())
                .containsExactlyInAnyOrder("account", "income");
        assertThat(observation(answer, Party.Kind.MAILBOX, "omar@northwind-mortgages.example").secrets())
                .as("at rest in Omar's mailbox the answer is protected").isEmpty();
    }

    @Test
    void theInsuranceScenarioHoldsEveryExpectation() throws Exception {
        Transcript transcript = run(ScenarioParser.parse(Path.of("../../scenarios/insurance.yaml")));

        assertThat(transcript.expectations()).isNotEmpty().allMatch(Transcript.ExpectationRecord::held);
    }

    @Test
    void inTheClinicScenarioDoNotForwardHoldsAndRevocationAndExpiryCloseThePortal() throws Exception {
        Transcript transcript = run(ScenarioParser.parse(Path.of("../../scenarios/clinic.yaml")));

        assertThat(transcript.passed()).as(transcript.expectations().toString()).isTrue();
        assertThat(narration).anyMatch(line -> line.contains("refused: Do Not Forward: Gina Garcia may not forward this message"));
        assertThat(narration).anyMatch(line -> line.contains("refused: Do Not Forward: Nurse Sam Kim may not forward this message"));
        assertThat(narration).anyMatch(line -> line.contains("the portal refused: This message has been revoked by the sender."));
        assertThat(narration).anyMatch(line -> line.contains("the portal refused: This message expired on"));
        Transcript.MessageRecord hugo = message(transcript, "hugo-results");
        assertThat(hugo.service()).anyMatch(line -> line.startsWith("revoked (lee@northwind-clinic.example)"));
        assertThat(observation(hugo, Party.Kind.RECIPIENT, "kim@northwind-clinic.example").secrets())
                .as("mail read inline cannot be revoked at all").containsExactly("diagnosis");
        assertThat(observation(hugo, Party.Kind.RECIPIENT, "hugo@yahoo.example").secrets()).isEmpty();
        assertThat(ReportPage.html(transcript)).as("the page draws the refusals with their reasons")
                .contains("forward refused: Do Not Forward: Gina Garcia may not forward this message.",
                        "refused: This message has been revoked by the sender.", "refused: This message expired on");
    }

    @Test
    void theSameScenarioWritesTheSameReportEveryTime() throws Exception {
        Scenario bank = ScenarioParser.parse(BANK);
        Transcript first = run(bank);
        Transcript second = run(bank);

        assertThat(ReportWriter.json(second)).isEqualTo(ReportWriter.json(first));
        assertThat(ReportWriter.markdown(second)).isEqualTo(ReportWriter.markdown(first));
        assertThat(ReportPage.html(second)).as("report.html too").isEqualTo(ReportPage.html(first));
    }

    @Test
    void bouncesAreReportedToTheSenderAndInTheTranscript() throws Exception {
        Transcript transcript = run(inline("""
                scenario: Typos in addresses
                steps:
                  - send:
                      id: invite
                      from: alice
                      to: [carol, nobody@gmail.example, someone@nowhere.example]
                      subject: Team lunch
                      text: Friday at noon.
                  - wait: delivery
                  - expect: { message: invite, delivered-to: carol, bounced-for: [nobody@gmail.example, someone@nowhere.example] }
                  - expect: { mailbox: alice, holds: { subject: "Undeliverable: Team lunch" } }
                  - expect: { message: invite, party: mailbox of nobody@gmail.example, cannot-read: [headers, body] }
                """));

        assertThat(transcript.passed()).as(transcript.expectations().toString()).isTrue();
        Transcript.MessageRecord invite = transcript.messages().get(0);
        assertThat(invite.outcomes()).containsEntry("carol@gmail.example", "delivered (250 OK)");
        assertThat(invite.outcomes().get("nobody@gmail.example")).startsWith("bounced (550 5.1.1");
        assertThat(invite.outcomes().get("someone@nowhere.example")).startsWith("bounced (550 5.1.2");
        assertThat(invite.reports()).hasSize(2);
        assertThat(transcript.reports().delivered()).isEqualTo(2);
        assertThat(observation(invite, Party.Kind.MAILBOX, "nobody@gmail.example"))
                .satisfies(o -> {
                    assertThat(o.held()).isFalse();
                    assertThat(o.why()).contains("bounced (550 5.1.1");
                });
        assertThat(observation(invite, Party.Kind.RECIPIENT, "carol@gmail.example").why())
                .isEqualTo("delivered to their mailbox; they have not opened it in this scenario");
    }

    @Test
    void aClaimThatDoesNotHoldFailsTheRunWithItsEvidence() throws Exception {
        Transcript transcript = run(inline("""
                scenario: Wrong claims
                steps:
                  - send: { id: note, from: alice, to: carol, subject: Hi, text: Hello Carol }
                  - wait: delivery
                  - expect: { message: note, party: wire, cannot-read: body }
                  - expect: { message: note, party: dave, can-read: body }
                  - expect: { message: note, party: dave, cannot-read: body }
                """));

        assertThat(transcript.passed()).isFalse();
        assertThat(transcript.steps()).extracting(Transcript.StepRecord::status)
                .containsExactly(Status.OK, Status.OK, Status.FAILED, Status.FAILED, Status.OK);
        assertThat(transcript.expectations().get(0).evidence())
                .startsWith("body: readable by eavesdropper on contoso.example -> gmail.example (SMTP from contoso.example to gmail.example without TLS");
        assertThat(transcript.expectations().get(1).evidence()).isEqualTo("body: not readable by dave@yahoo.example (it never took part)");
    }

    private static Transcript.MessageRecord message(Transcript transcript, String id) {
        return transcript.messages().stream().filter(message -> message.id().equals(id)).findFirst().orElseThrow();
    }

    private static Verdict observation(Transcript.MessageRecord message, Party.Kind kind, String who) {
        return message.readers().stream()
                .filter(o -> o.party().kind() == kind && o.party().who().equals(who))
                .findFirst()
                .orElseThrow();
    }
}
