package org.envelopelab.scenario.page;

import org.envelopelab.people.evidence.Access;
import org.envelopelab.scenario.transcript.Transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code report.html}: a run's transcript as a page people look at. Another rendering of the same
 * transcript as {@code report.md} and {@code report.json}, never a second source: each message's
 * journey drawn from the timeline's evidence, the judge's verdicts as a matrix, the steps with their
 * narration, the expectations. One self-contained file: styles inline, no scripts, no images
 * fetched, and a Content-Security-Policy that forbids any request.
 */
public final class ReportPage {

    private ReportPage() {
    }

    /** The page's view: what the template fills in. */
    record View(String title, String source, String summary, long seed, String clock, boolean passed, String result,
                int held, int expectationCount, List<Journey> journeys, Matrix matrix, List<Legend> legend, List<StepView> steps,
                List<ExpectationView> expectations, String ledger, String reports) {

        public String pageTitle() {
            return title + " - Envelope Lab report";
        }
    }

    /** One mark of the legend. */
    record Legend(String css, String mark, String meaning) {
    }

    /** A journey a step drew arrows in. */
    record Link(String id, String message) {
    }

    /** One step of the timeline. */
    record StepView(int number, int line, String kind, String status, String narration, List<Link> drawn,
                    boolean hasDrawn) {
    }

    /** One expectation: a claim of the scenario, and whether the evidence bore it out. */
    record ExpectationView(int line, String claim, boolean held, String result, String evidence) {
    }

    public static String html(Transcript transcript) {
        List<Journey> journeys = transcript.messages().stream().map(message -> JourneyDiagram.of(transcript, message)).toList();
        List<StepView> steps = new ArrayList<>();
        for (Transcript.StepRecord step : transcript.steps()) {
            List<Link> drawn = journeys.stream()
                    .filter(journey -> journey.rows().stream().anyMatch(row -> row.step() == step.number()))
                    .map(journey -> new Link(journey.id(), journey.message())).toList();
            steps.add(new StepView(step.number(), step.line(), step.kind(), step.status().name().toLowerCase(Locale.ROOT),
                    String.join("\n", step.narration().stream().map(String::stripTrailing).toList()), drawn, !drawn.isEmpty()));
        }
        List<ExpectationView> expectations = transcript.expectations().stream()
                .map(e -> new ExpectationView(e.line(), e.claim(), e.held(), e.held() ? "held" : "FAILED", e.evidence())).toList();
        int held = (int) transcript.expectations().stream().filter(Transcript.ExpectationRecord::held).count();
        return Templates.render("report", new View(transcript.title(), transcript.source(), transcript.summary().strip(),
                transcript.seed(), transcript.clock(), transcript.passed(), transcript.passed() ? "passed" : "FAILED", held,
                transcript.expectations().size(), journeys, Matrices.ofRun(transcript), legend(), steps, expectations,
                transcript.ledger().toString(), transcript.reports().toString()));
    }

    /** The marks of the matrix, as the text report's legend gives them. */
    static List<Legend> legend() {
        List<Legend> legend = new ArrayList<>();
        for (Access access : Access.values()) {
            legend.add(new Legend(Matrices.css(access), access.mark(), access.meaning()));
        }
        legend.add(new Legend("refused", "refused", "it asked and was refused: revoked, expired, not allowed"));
        return legend;
    }
}
