package org.envelopelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The lab command, driven exactly as a terminal drives it, through picocli's execute(). */
class LabCommandTest {

    private static final String BANK = "../../scenarios/bank-statement.yaml";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path temp;

    @BeforeEach
    void pointAtTheRepository() {
        System.setProperty("lab.home", "../..");
    }

    @AfterEach
    void forgetIt() {
        System.clearProperty("lab.home");
    }

    private int lab(String... args) {
        CommandLine commandLine = Lab.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void versionAndHelpSayWhatTheLabIs() {
        assertThat(lab("--version")).isZero();
        assertThat(out.toString()).startsWith("Envelope Lab ").contains("Java 17");

        out.getBuffer().setLength(0);
        assertThat(lab("--help")).isZero();
        assertThat(out.toString()).contains("run", "validate", "serve", "routes", "Exit codes:");

        out.getBuffer().setLength(0);
        assertThat(lab("run", "--help")).isZero();
        assertThat(out.toString()).contains("SCENARIO", "--out", "report.md");
    }

    @Test
    void runningTheBankScenarioShowsEveryPartyReadTheCardNumberAndWritesTheReport() throws Exception {
        Path reportFolder = temp.resolve("report");

        int exit = lab("run", BANK, "--out", reportFolder.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("[2/14] send 'statement'", "Who could read 'statement'", "Expectations: 8 of 8 held.")
                .contains("Report: " + reportFolder.resolve("report.md"))
                .contains("Page:   " + reportFolder.resolve("report.html"));
        assertThat(Files.readString(reportFolder.resolve("report.md"))).contains("## Who could read what", "card number");
        assertThat(Files.readString(reportFolder.resolve("report.html"))).as("the same run, drawn")
                .contains("<svg class=\"journey\"", "<table class=\"matrix stack\" id=\"matrix\">");
        JsonNode report = new ObjectMapper().readTree(reportFolder.resolve("report.json").toFile());
        assertThat(report.get("passed").asBoolean()).isTrue();
        JsonNode readers = report.get("messages").get(0).get("readers");
        assertThat(readers).hasSize(8);
        for (JsonNode verdict : readers) {
            assertThat(verdict.get("body").asText()).isEqualTo("readable");
            assertThat(verdict.get("secrets").toString()).contains("card number");
        }
        JsonNode first = report.get("timeline").get(0);
        assertThat(first.get("step").asInt()).isEqualTo(2);
        assertThat(first.get("party").get("label").asText()).isEqualTo("sender alice@contoso.example");
        assertThat(first.get("through").asText()).isEqualTo("plaintext");
        assertThat(report.get("steps").get(0).get("status").asText()).isEqualTo("ok");
        assertThat(out.toString()).as("the legend under the tables").contains("Marks:", "not here", "never held a copy");
    }

    @Test
    void aScenarioCanBeNamedWithoutItsPath() {
        assertThat(lab("run", "bank-statement", "--quiet", "--out", temp.toString())).isZero();
        assertThat(out.toString()).doesNotContain("[1/14]").contains("Expectations: 8 of 8 held.");
    }

    @Test
    void aFailedExpectationExitsWithOneAndPointsAtItsLine() throws Exception {
        Path scenario = temp.resolve("wrong.yaml");
        Files.writeString(scenario, """
                scenario: A claim that does not hold
                steps:
                  - send: { id: hello, from: alice, to: carol, subject: Hello, text: Hi }
                  - wait: delivery
                  - expect: { mailbox: dave, holds: hello }
                """);

        int exit = lab("run", scenario.toString(), "--quiet", "--out", temp.resolve("out").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("FAILED " + scenario + ":5: INBOX of dave@yahoo.example holds message 'hello'",
                "Expectations: 0 of 1 held.");
    }

    @Test
    void anInvalidScenarioIsReportedLineByLineAndNothingRuns() throws Exception {
        Path scenario = temp.resolve("bad.yaml");
        Files.writeString(scenario, """
                scenario: Typos
                steps:
                  - send: { from: alice, tos: carol, subject: Hello }
                  - read: zed
                """);

        int exit = lab("run", scenario.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString())
                .contains(scenario + ":3: unknown key 'tos' in send; did you mean 'to'?")
                .contains(scenario + ":4: unknown person 'zed'")
                .contains("nothing was run");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anUnknownScenarioNameIsAUsageError() {
        assertThat(lab("run", "no-such-scenario")).isEqualTo(2);
        assertThat(err.toString()).contains("no scenario 'no-such-scenario'", "bank-statement");
    }

    @Test
    void validateChecksWithoutRunning() throws Exception {
        assertThat(lab("validate", BANK)).isZero();
        assertThat(out.toString()).contains("bank-statement.yaml: valid (14 steps, 1 message, 6 people)");

        Path broken = temp.resolve("broken.yaml");
        Files.writeString(broken, "scenario: Broken\nsteps: []\n");
        assertThat(lab("validate", broken.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(broken + ":2: 'steps' must be a non-empty list");
    }

    @Test
    void validateWithoutArgumentsChecksEveryShippedScenario() {
        assertThat(lab("validate")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("bank-statement.yaml: valid");
    }

    @Test
    void routesPrintsTheWiring() {
        assertThat(lab("routes")).isZero();
        assertThat(out.toString()).contains("error handling:", "route transport: from seda:submitted",
                "mail-flow: NoMailFlowRules.apply", "route dead-letter");
    }

    @Test
    void serveListsEverySiteAndAccountAndStopsWhenAsked() {
        int exit = lab("serve", "bank-statement", "--stop-after", "200ms");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("Ran ", "contoso.example", "gmail.example", "127.0.0.1:")
                .containsPattern("carol@gmail\\.example\\s+carol-[a-z]{6}\\s+gmail\\.example")
                .contains("imaplib", "Serving for 0 s.", "Stopped")
                .containsPattern("The run's report, as report.html: http://127\\.0\\.0\\.1:\\d+/report\\.html");
    }

    @Test
    void servingAWorldWithAnEncryptionServicePrintsItsPortal() {
        assertThat(lab("serve", "insurance", "--stop-after", "200ms")).as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("The message encryption service's portal: http://127\\.0\\.0\\.1:\\d+/portal");
    }

    @Test
    void aServedWorldsClockMovesWithRealTimeFromWhereTheScenarioLeftIt() {
        assertThat(lab("serve", "clinic", "--stop-after", "200ms")).as(err.toString()).isZero();
        // clinic starts on 2026-03-02 and advances the clock 31 days before its last steps.
        assertThat(out.toString()).containsPattern("Lab clock: 2026-04-0\\dT[0-9:]+Z, moving with real time from here");
    }

    @Test
    void aBasePortThatLeavesNoRoomForTheWorldIsAUsageError() {
        assertThat(lab("serve", "--base-port", "65530", "--stop-after", "200ms")).isEqualTo(2);
        assertThat(err.toString()).contains("--base-port 65530 leaves no room for 5 sites and the portal", "use 65485 or lower");
        err.getBuffer().setLength(0);
        assertThat(lab("serve", "--base-port", "-1", "--stop-after", "200ms")).isEqualTo(2);
        assertThat(err.toString()).contains("--base-port must be 0 (free ports) or a port from 1 to 65535, not -1");
    }

    @Test
    void aBadDurationIsAUsageError() {
        assertThat(lab("serve", "--stop-after", "soon")).isEqualTo(2);
        assertThat(err.toString()).contains("'soon' is not a duration like 500ms, 30s, 5m or 1h");
    }
}
