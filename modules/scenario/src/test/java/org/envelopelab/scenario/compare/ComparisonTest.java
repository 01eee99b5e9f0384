package org.envelopelab.scenario.compare;

import org.envelopelab.scenario.page.ComparePage;
import org.envelopelab.scenario.script.DeliveryPath;
import org.envelopelab.scenario.script.ScenarioParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One statement down the three paths, with the parties who attack, judged side by side. */
class ComparisonTest {

    private static ComparisonReport report;

    @BeforeAll
    static void compare() throws Exception {
        report = new Comparison(line -> { }).compare(ScenarioParser.parse("inline.yaml", """
                scenario: A statement three ways
                service:
                  plan: microsoft-365-e5
                  rules:
                    - name: Everything outside is protected
                      if: { sent-to: outside }
                      then: { protect: encrypt-only }
                steps:
                  - send:
                      id: statement
                      from: alice
                      to: carol
                      subject: Your statement
                      text: Your card 4111 1111 1111 1111 shows a balance of USD 12.00.
                      secrets: { card number: 4111 1111 1111 1111 }
                """, Path.of(".")));
    }

    private static List<String> row(String party) {
        ComparisonReport.MessageTable table = report.messages().get(0);
        return table.rows().stream().filter(row -> row.party().equals(party)).findFirst().orElseThrow()
                .cells().stream().map(cell -> cell == null ? "-" : cell.text()).toList();
    }

    @Test
    void everyPathRanAsPlannedInTheScenariosOwnWorld() {
        assertThat(report.paths()).containsExactly(DeliveryPath.PLAIN, DeliveryPath.SMIME, DeliveryPath.SERVICE);
        assertThat(report.runs()).allSatisfy(run -> assertThat(run.stepsNotAsPlanned()).isEmpty());
        assertThat(report.runs()).allSatisfy(run -> assertThat(run.bytesOnWire()).isPositive());
    }

    @Test
    void whoCouldReadTheStatementDependsOnThePath() {
        assertThat(row("recipient carol@gmail.example")).containsExactly("reads: card number", "reads: card number",
                "reads: card number");
        assertThat(row("mailbox of carol@gmail.example")).containsExactly("reads: card number", "ciphertext", "wrapper only");
        assertThat(row("mail service of contoso.example")).containsExactly("reads: card number", "ciphertext",
                "reads: card number");
        assertThat(row("eavesdropper on contoso.example -> gmail.example"))
                .containsExactly("reads: card number", "ciphertext", "wrapper only");
    }

    @Test
    void thePartiesWhoAttackAppearWhereTheyCan() {
        assertThat(row("thief holding carol@gmail.example's mailbox")).as("the passcode goes to the mailbox the thief holds")
                .containsExactly("reads: card number", "ciphertext", "reads: card number");
        assertThat(row("forwardee dave@yahoo.example")).as("Encrypt-Only: forwarded from the portal, the service protects"
                + " the forward (the original attached, which is not a file of the statement) and dave proves who he is")
                .containsExactly("reads: card number", "reads: card number", "reads: card number");
        ComparisonReport.CostRow forwarding = report.costs().stream().filter(cost -> cost.question().equals("forwarding"))
                .findFirst().orElseThrow();
        assertThat(forwarding.answers().get(2)).startsWith("not stopped, but the service protects the forward");
        assertThat(row("non-recipient with the link erin@outlook.example")).as("only the service path has a link")
                .containsExactly("-", "-", "refused");
    }

    @Test
    void theCostsAreMeasuredFromTheRuns() {
        ComparisonReport.CostRow before = report.costs().stream().filter(cost -> cost.question().equals("before the first message"))
                .findFirst().orElseThrow();
        assertThat(before.answers()).containsExactly("nothing",
                "2 certificates issued; 1 certificate exchange by signed mail, one per sender and recipient", "nothing");
        ComparisonReport.CostRow steps = report.costs().stream().filter(cost -> cost.question().equals("steps the recipients took"))
                .findFirst().orElseThrow();
        assertThat(steps.answers().get(2)).startsWith("1 portal visit");
        ComparisonReport.CostRow service = report.costs().stream()
                .filter(cost -> cost.question().equals("what the organization's service could do")).findFirst().orElseThrow();
        assertThat(service.answers().get(1)).startsWith("see the headers only");
        assertThat(service.answers().get(2)).contains("revoke it in the portal");
        assertThat(before.amounts()).as("the numbers the bars draw").containsExactly(0L, 3L, 0L);
        assertThat(steps.amounts()).containsExactly(0L, 0L, 1L);
        assertThat(report.costs().stream().filter(cost -> cost.question().equals("forwarding")).findFirst().orElseThrow().amounts())
                .as("a cost in words has no bar").isEmpty();
    }

    @Test
    void thePageSetsThePathsSideBySideAndDrawsTheMeasuredCostsAsBars() {
        String html = ComparePage.html(report);
        assertThat(html).contains("<table class=\"matrix stack\" id=\"matrix-statement\">",
                "<th scope=\"col\">in the clear</th><th scope=\"col\">S/MIME</th><th scope=\"col\">the message encryption service</th>");
        assertThat(html).as("a text mark in every cell, not colour alone")
                .contains("<td class=\"wrapper\" data-column=\"the message encryption service\"", "cell-mark\">wrapper only<");
        assertThat(html).contains("<caption>before the first message</caption>",
                "<th scope=\"row\">S/MIME</th><td><svg class=\"bar\" viewBox=\"0 0 100 14\" preserveAspectRatio=\"none\""
                        + " aria-hidden=\"true\"><rect class=\"track\" width=\"100\" height=\"14\"/><rect class=\"amount\""
                        + " width=\"100\" height=\"14\"/></svg>2 certificates issued");
        assertThat(html).contains("<caption>bytes on the wire</caption>", "<th scope=\"row\">forwarding</th>");
        assertThat(html).doesNotContain("4111 1111 1111 1111", "<script");
    }
}
