package org.envelopelab.scenario.page;

import org.envelopelab.scenario.compare.ComparisonReport;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code compare.html}: a comparison as a page. The same report as {@code compare.md} and
 * {@code compare.json}: the parties × paths matrix of every message side by side, and the
 * measured cost rows as small bar charts (the rows that are a number) or in words (the others).
 * Self-contained like {@link ReportPage}.
 */
public final class ComparePage {

    private ComparePage() {
    }

    record View(String title, String source, boolean defaultService, List<String> paths, List<Matrix> matrices,
                List<ReportPage.Legend> legend, List<Chart> charts, List<Worded> worded, List<String> notAsPlanned,
                boolean anyNotAsPlanned) {

        public String pageTitle() {
            return "Compared: " + title + " - Envelope Lab";
        }

        public String pathList() {
            return String.join("; ", paths);
        }
    }

    /** A measured cost: one bar per path. */
    record Chart(String question, List<Bar> bars) {
    }

    /** One path's bar: its length in percent of the longest, and the answer in words. */
    record Bar(String path, int percent, String answer) {
    }

    /** A cost in words, a cell per path. */
    record Worded(String question, List<Answer> answers) {
    }

    record Answer(String path, String text) {
    }

    public static String html(ComparisonReport report) {
        List<String> paths = report.paths().stream().map(path -> path.title()).toList();
        List<Chart> charts = new ArrayList<>();
        List<Worded> worded = new ArrayList<>();
        for (ComparisonReport.CostRow cost : report.costs()) {
            if (cost.amounts().isEmpty()) {
                List<Answer> answers = new ArrayList<>();
                for (int i = 0; i < paths.size(); i++) {
                    answers.add(new Answer(paths.get(i), cost.answers().get(i)));
                }
                worded.add(new Worded(cost.question(), answers));
                continue;
            }
            long most = cost.amounts().stream().mapToLong(Long::longValue).max().orElse(0);
            List<Bar> bars = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) {
                long amount = cost.amounts().get(i);
                int percent = most == 0 ? 0 : (int) Math.max(amount > 0 ? 1 : 0, Math.round(100.0 * amount / most));
                bars.add(new Bar(paths.get(i), percent, cost.answers().get(i)));
            }
            charts.add(new Chart(cost.question(), bars));
        }
        List<String> notAsPlanned = report.runs().stream()
                .flatMap(run -> run.stepsNotAsPlanned().stream().map(step -> run.path().title() + ": " + step)).toList();
        return Templates.render("compare", new View(report.title(), report.source(), report.defaultService(), paths,
                report.messages().stream().map(table -> Matrices.ofComparison(report, table)).toList(), ReportPage.legend(),
                charts, worded, notAsPlanned, !notAsPlanned.isEmpty()));
    }
}
