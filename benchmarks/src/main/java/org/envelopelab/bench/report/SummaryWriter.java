package org.envelopelab.bench.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code summary.md}: the targets with their ratios and PASS/FAIL first, then one Markdown table
 * per comparison (benchmark class), with MB/s beside ops/s wherever a message size is a parameter.
 */
public final class SummaryWriter {

    private SummaryWriter() {
    }

    /**
     * @param context lines about the run (command, JDK, CPU, date), written under the title; may be empty
     * @param charts  whether charts were drawn next to the summary (then each section links its chart)
     */
    public static String markdown(JmhResults jmh, Optional<OpenSslComparison> openssl, List<String> context, boolean charts) {
        return markdown(jmh, openssl, Optional.empty(), Targets.check(jmh, openssl), false, context, charts);
    }

    /**
     * @param checks     the targets as judged ({@link Verdicts})
     * @param unmeasuredFails whether a target without a measurement fails (the full profile)
     */
    public static String markdown(JmhResults jmh, Optional<OpenSslComparison> openssl, Optional<ProcessComparison> process,
                                  List<TargetCheck> checks, boolean unmeasuredFails, List<String> context, boolean charts) {
        StringBuilder md = new StringBuilder("# Envelope Lab benchmarks\n\n");
        context.forEach(line -> md.append("- ").append(line).append('\n'));
        if (!context.isEmpty()) {
            md.append('\n');
        }
        md.append("## Targets\n\n");
        md.append("| target | required | measured | result | from |\n|---|---:|---:|---|---|\n");
        for (TargetCheck check : checks) {
            md.append("| ").append(check.target()).append(" | ").append(check.format(check.required()))
                    .append(" | ").append(check.format(check.measured())).append(" | **")
                    .append(Verdicts.verdict(check, unmeasuredFails)).append("** | ").append(check.evidence()).append(" |\n");
        }
        if (charts) {
            md.append("\n![targets](charts/targets.png)\n");
        }
        for (String className : jmh.classNames()) {
            md.append("\n## ").append(Comparisons.title(className)).append("\n\n");
            md.append("`").append(className).append("`. ").append(Comparisons.notice(className)).append("\n\n");
            md.append("| benchmark | parameters | score | error | unit | MB/s |\n|---|---|---:|---:|---|---:|\n");
            for (JmhResult result : jmh.ofClass(className)) {
                md.append("| ").append(result.method()).append(" | ").append(result.paramText()).append(" | ")
                        .append(Numbers.ops(result.score())).append(" | ")
                        .append(Double.isNaN(result.scoreError()) ? "" : "± " + Numbers.ops(result.scoreError())).append(" | ")
                        .append(result.unit()).append(" | ").append(megabytesPerSecond(result)).append(" |\n");
            }
            if (charts && Scaling.isScaling(className)) {
                Scaling.fileNames(className, jmh.ofClass(className)).forEach(file ->
                        md.append("\n![").append(file).append("](charts/").append(file).append(")\n"));
            } else if (charts) {
                md.append("\n![").append(className).append("](charts/").append(ChartWriter.fileName(className)).append(")\n");
            }
        }
        openssl.ifPresent(comparison -> md.append("\n").append(OpenSslTable.markdown(comparison).replaceFirst("^# ", "## ")));
        process.ifPresent(comparison -> md.append("\n").append(comparison.markdown().replaceFirst("^# ", "## "))
                .append(charts ? "\n![whole processes](charts/process.png)\n" : ""));
        return md.toString();
    }

    private static String megabytesPerSecond(JmhResult result) {
        return Throughput.megabytesPerSecond(result).map(value -> String.format(Locale.ROOT, "%.1f", value)).orElse("");
    }
}
