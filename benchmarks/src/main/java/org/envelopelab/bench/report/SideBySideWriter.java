package org.envelopelab.bench.report;

import java.util.Locale;
import java.util.Optional;

/**
 * Two runs of the same benchmarks side by side — JDK 17 and JDK 25 on this machine, say — as a
 * Markdown table of operations per second with the second run relative to the first.
 */
public final class SideBySideWriter {

    private SideBySideWriter() {
    }

    public static String markdown(JmhResults first, String firstLabel, JmhResults second, String secondLabel) {
        StringBuilder md = new StringBuilder("# " + firstLabel + " and " + secondLabel + " side by side\n\n");
        md.append("- ").append(firstLabel).append(": ").append(first.jvm()).append('\n');
        md.append("- ").append(secondLabel).append(": ").append(second.jvm()).append("\n\n");
        md.append("| benchmark | parameters | ").append(firstLabel).append(" ops/s | ").append(secondLabel)
                .append(" ops/s | ").append(secondLabel).append(" / ").append(firstLabel).append(" |\n|---|---|---:|---:|---:|\n");
        for (JmhResult result : first.all()) {
            Optional<JmhResult> other = second.find(result.className(), result.method(), result.params());
            if (other.isEmpty()) {
                continue;
            }
            double before = result.opsPerSecond();
            double after = other.get().opsPerSecond();
            md.append(String.format(Locale.ROOT, "| %s.%s | %s | %s | %s | %s |%n", result.className(), result.method(),
                    result.paramText(), Numbers.ops(before), Numbers.ops(after), Numbers.ratio(after / before)));
        }
        return md.toString();
    }
}
