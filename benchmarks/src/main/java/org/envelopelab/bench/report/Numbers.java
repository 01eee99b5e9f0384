package org.envelopelab.bench.report;

import java.util.Locale;

/** How the report writes numbers: three significant figures, thousands separated. */
final class Numbers {

    private Numbers() {
    }

    /** 1,234 / 12.3 / 0.123: enough digits to compare, no more. */
    static String ops(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (magnitude >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }

    static String ratio(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2fx", value);
    }
}
