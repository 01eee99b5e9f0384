package org.envelopelab.bench.report;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scaling benchmarks' charts: one chart per axis of growth (sites, recipients, queued
 * messages), one curve per benchmark method, the parameter along a linear x axis, so that what
 * grows linearly shows as a straight line and what
 * stays flat as a level one. Time per operation is drawn as it is (µs/op, s/op); throughput as
 * operations per second.
 */
final class Scaling {

    private Scaling() {
    }

    /** One chart: its file name under charts/ and the chart. */
    record Chart(String fileName, JFreeChart chart) {
    }

    static boolean isScaling(String className) {
        return className.startsWith("Scaling");
    }

    /** charts/ScalingTransportBenchmark-sites.png, one per parameter. */
    static List<String> fileNames(String className, List<JmhResult> results) {
        return byParameter(results).keySet().stream().map(parameter -> fileName(className, parameter)).toList();
    }

    static List<Chart> charts(String className, List<JmhResult> results) {
        List<Chart> charts = new ArrayList<>();
        for (Map.Entry<String, List<JmhResult>> group : byParameter(results).entrySet()) {
            Map<String, XYSeries> curves = new LinkedHashMap<>();
            String axis = "operations per second";
            for (JmhResult result : group.getValue()) {
                double x = Double.parseDouble(result.params().get(group.getKey()));
                boolean perOperation = result.unit().endsWith("/op");
                axis = perOperation ? result.unit() : "operations per second";
                curves.computeIfAbsent(result.method(), XYSeries::new).add(x, perOperation ? result.score() : result.opsPerSecond());
            }
            XYSeriesCollection data = new XYSeriesCollection();
            curves.values().forEach(data::addSeries);
            JFreeChart chart = ChartFactory.createXYLineChart(Comparisons.title(className) + ", by " + group.getKey(),
                    group.getKey(), axis, data, PlotOrientation.VERTICAL, true, false, false);
            charts.add(new Chart(fileName(className, group.getKey()), chart));
        }
        return charts;
    }

    private static String fileName(String className, String parameter) {
        return className + "-" + parameter + ".png";
    }

    /** The results with one numeric parameter, grouped by its name. */
    private static Map<String, List<JmhResult>> byParameter(List<JmhResult> results) {
        Map<String, List<JmhResult>> groups = new LinkedHashMap<>();
        for (JmhResult result : results) {
            if (result.params().size() != 1) {
                continue;
            }
            Map.Entry<String, String> only = result.params().entrySet().iterator().next();
            try {
                Double.parseDouble(only.getValue());
            } catch (NumberFormatException e) {
                continue;
            }
            groups.computeIfAbsent(only.getKey(), key -> new ArrayList<>()).add(result);
        }
        return groups;
    }
}
