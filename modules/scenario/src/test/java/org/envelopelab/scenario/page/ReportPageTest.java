package org.envelopelab.scenario.page;

import org.envelopelab.people.evidence.Access;
import org.envelopelab.people.evidence.Evidence;
import org.envelopelab.people.evidence.Followed;
import org.envelopelab.people.evidence.Party;
import org.envelopelab.people.evidence.Through;
import org.envelopelab.routes.ledger.Totals;
import org.envelopelab.scenario.judge.Judge;
import org.envelopelab.scenario.run.Status;
import org.envelopelab.scenario.transcript.Transcript;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * report.html drawn from hand-made evidence: a patient reads her results in the portal, cannot
 * forward them, and is refused once they expire.
 */
class ReportPageTest {

    private static final String LEE = "lee@northwind-clinic.example";
    private static final String GINA = "gina@gmail.example";
    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    private static String html;

    @BeforeAll
    static void render() {
        List<Evidence> timeline = List.of(
                held(1, Party.sender(LEE), Access.READABLE, Through.PLAINTEXT, "wrote it"),
                held(1, Party.service("northwind-clinic.example"), Access.READABLE, Through.PLAINTEXT, "the transport received plain MIME"),
                held(1, Party.wire("northwind-clinic.example", "gmail.example"), Access.NOT_IN_COPY, Through.WRAPPER_ONLY, "SMTP carried a wrapper"),
                held(1, Party.mailbox(GINA), Access.NOT_IN_COPY, Through.WRAPPER_ONLY, "stored as a wrapper"),
                held(3, Party.recipient(GINA), Access.NOT_IN_COPY, Through.WRAPPER_ONLY, "downloaded a wrapper"),
                held(3, Party.recipient(GINA), Access.NOT_IN_COPY, Through.WRAPPER_ONLY, "downloaded a wrapper"),
                held(4, Party.recipient(GINA), Access.READABLE, Through.PORTAL_SESSION,
                        "read it in the organization's portal after proving who they are with a one-time passcode mailed to them"),
                refused(5, Party.forwardee("ivy@gmail.example"), "Do Not Forward: Gina Garcia may not forward this message.",
                        GINA + " tried to forward it to them; the service refused, so nothing reached them"),
                about(held(6, Party.sender(GINA), Access.READABLE, Through.PLAINTEXT, "wrote it in the portal"), "thanks"),
                about(held(6, Party.service("northwind-clinic.example"), Access.READABLE, Through.PLAINTEXT, "the transport"
                        + " received the reply from the portal"), "thanks"),
                refused(9, Party.recipient(GINA), "This message expired on 1 April 2026.", "the portal refused them"));
        Followed results = new Followed("results", "<results@northwind-clinic.example>", LEE, "northwind-clinic.example",
                List.of(GINA), Map.of("HbA1c value", "7.9 %"), false, 1);
        Transcript.MessageRecord message = new Transcript.MessageRecord("results", results.messageId(), LEE, List.of(GINA), List.of(),
                List.of(), "Your results <script>alert(1)</script>", Map.of(GINA, "delivered (250 OK)"), List.of(),
                List.of("rule-matched (transport): 'Health information stays with the patient' applied: the body contains 2 terms;"
                        + " so: apply rights protection with Do Not Forward (view, reply, reply-all)"),
                Judge.judge(results, timeline));
        Followed thanks = new Followed("thanks", "<thanks@northwind-clinic.example>", GINA, "northwind-clinic.example",
                List.of(LEE), Map.of(), false, 6);
        Transcript.MessageRecord reply = new Transcript.MessageRecord("thanks", thanks.messageId(), GINA, List.of(LEE), List.of(),
                List.of(), "RE: " + message.subject(), Map.of(), List.of(), List.of(), Judge.judge(thanks, timeline));
        List<Transcript.StepRecord> steps = new ArrayList<>();
        for (int number = 1; number <= 9; number++) {
            steps.add(new Transcript.StepRecord(number, 10 + number, number == 1 ? "send" : "note", Status.OK,
                    List.of("[" + number + "/9] what happened at step " + number)));
        }
        Transcript transcript = new Transcript("Results under Do Not Forward", "clinic.yaml", "The patient reads, then cannot.", 7,
                AT.toString(), List.of(new Transcript.SiteRecord("Northwind Clinic", "northwind-clinic.example", "organization"),
                new Transcript.SiteRecord("Gmail", "gmail.example", "Gmail-like provider")), List.of(), steps, List.of(message, reply),
                List.of(new Transcript.ExpectationRecord(30, "gina@gmail.example could read body of message 'results'", true,
                        "readable by recipient gina@gmail.example")), timeline, new Totals(1, 1, 1, 0, 0, 0),
                new Totals(0, 0, 0, 0, 0, 0), List.of(), true);
        html = ReportPage.html(transcript);
    }

    private static Evidence held(int step, Party party, Access body, Through through, String detail) {
        List<String> secrets = body == Access.READABLE ? List.of("HbA1c value") : List.of();
        return new Evidence(step, AT, "results", party, Evidence.Outcome.HELD, Access.READABLE, body, Access.NONE, List.of(),
                secrets, through, "", detail);
    }

    /** The same evidence about another message. */
    private static Evidence about(Evidence evidence, String message) {
        return new Evidence(evidence.step(), evidence.at(), message, evidence.party(), evidence.outcome(), evidence.headers(),
                evidence.body(), evidence.attachments(), evidence.attachmentNames(), evidence.secrets(), evidence.through(),
                evidence.reason(), evidence.detail());
    }

    private static Evidence refused(int step, Party party, String reason, String detail) {
        return new Evidence(step, AT, "results", party, Evidence.Outcome.REFUSED, Access.NEVER, Access.NEVER, Access.NEVER,
                List.of(), List.of(), null, reason, detail);
    }

    @Test
    void eachPieceOfEvidenceIsAnArrowAndTheSameJourneyIsToldInWords() {
        String svg = between(html, "<svg class=\"journey\"", "</svg>");
        int drawn = count(svg, "<g class=\"arrow ") + count(svg, "<g class=\"note ");
        String words = between(html, "<ol class=\"words\" id=\"journey-results-words\">", "</ol>");
        assertThat(count(words, "<li>")).as("the text alternative tells every arrow").isEqualTo(drawn);
        assertThat(svg).contains("role=\"img\"", "aria-describedby=\"journey-results-words-heading\"");
        assertThat(words).contains("Step 1</a>, sender lee@northwind-clinic.example to site Northwind Clinic northwind-clinic.example:"
                + " submits it <strong>[readable]</strong>");
        assertThat(words).as("the mail-flow step names the rule and what it applied")
                .contains("mail flow: rule &#39;Health information stays with the patient&#39; matched: apply rights protection"
                        + " with Do Not Forward");
        assertThat(words).contains("relays over SMTP <strong>[wrapper only]</strong>", "passcode mail <strong>[no content]</strong>",
                "the portal shows it <strong>[readable]</strong>");
        assertThat(count(words, "downloads: the wrapper only")).as("the same download twice is one arrow").isEqualTo(1);
    }

    @Test
    void refusalsAreDrawnInTheirOwnStyleWithTheReason() {
        assertThat(html).contains("<g class=\"arrow refused\">");
        assertThat(html).contains("5. forward refused: Do Not Forward: Gina Garcia may not forward this message.");
        assertThat(html).contains("Step 5</a>, recipient gina@gmail.example to forwardee ivy@gmail.example: forward refused");
        assertThat(html).contains("Step 9</a>, recipient gina@gmail.example to transport + service northwind-clinic.example:"
                + " refused: This message expired on 1 April 2026. <strong>[refused]</strong>");
    }

    @Test
    void aReplyIsDrawnWhereItWasWrittenAndHasItsOwnJourney() {
        String words = between(html, "<ol class=\"words\" id=\"journey-results-words\">", "</ol>");
        assertThat(words).contains("Step 6</a>, recipient gina@gmail.example to transport + service northwind-clinic.example:"
                + " replies: &#39;thanks&#39; <strong>[readable]</strong>");
        assertThat(words.indexOf("Step 6</a>")).as("in step order").isGreaterThan(words.indexOf("Step 5</a>"))
                .isLessThan(words.indexOf("Step 9</a>"));
        assertThat(html).contains("<section class=\"journey\" id=\"journey-thanks\"");
    }

    @Test
    void theMatrixMarksEachCellInWordsNamesTheSecretsAndSaysWhenAccessChanged() {
        String matrix = between(html, "<table class=\"matrix stack\" id=\"matrix\">", "</table>");
        String gina = row(matrix, "recipient gina@gmail.example");
        assertThat(gina).contains("class=\"readable\"", "<span class=\"cell-mark\">readable</span>",
                "title=\"headers: readable; body: readable; attachments: none; secrets seen: HbA1c value\"",
                "<span class=\"change\">held the wrapper at step 3; read at step 4; refused at step 9: This message expired on 1 April 2026.</span>",
                "href=\"#note-run-");
        assertThat(row(matrix, "forwardee ivy@gmail.example")).contains("class=\"refused\"", "cell-mark\">refused<");
        assertThat(row(matrix, "mailbox of gina@gmail.example")).contains("class=\"wrapper\"", "cell-mark\">not here<");
        assertThat(html).as("a visible footnote names the secrets")
                .containsPattern("<li id=\"note-run-\\d+\" value=\"\\d+\">recipient gina@gmail.example, results: HbA1c value</li>");
    }

    @Test
    void theStepsLinkToTheDiagramAndTheDiagramToTheSteps() {
        assertThat(html).contains("<li id=\"step-4\" class=\"status-ok\"><span class=\"status\">ok</span> <strong>4. note</strong>",
                "drawn in <a href=\"#journey-results\">results</a>", "<a href=\"#step-4\">");
        assertThat(html).contains("<pre class=\"narration\">[4/9] what happened at step 4</pre>");
        assertThat(html).contains("gina@gmail.example could read body of message &#39;results&#39;", "The patient reads, then cannot.");
    }

    @Test
    void thePageIsOneFileThatFetchesNothingAndEscapesWhatItShows() {
        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';");
        assertThat(html).doesNotContain("<script", "<link", "<img", "@import", "url(http");
        Matcher links = Pattern.compile("\\s(?:href|src)=\"([^\"]*)\"").matcher(html);
        while (links.find()) {
            assertThat(links.group(1)).as("every link stays on the page").startsWith("#");
        }
        assertThat(html).contains("Your results &lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).doesNotContain("7.9 %");
    }

    private static String row(String matrix, String party) {
        return between(matrix, "<th scope=\"row\">" + party + "</th>", "</tr>");
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("the page has " + start).isNotNegative();
        return text.substring(from, text.indexOf(end, from) + end.length());
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
