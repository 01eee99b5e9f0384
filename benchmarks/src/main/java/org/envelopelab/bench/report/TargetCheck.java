package org.envelopelab.bench.report;

import java.util.Locale;

/**
 * One target of the benchmarks, checked against a run: the two sides measured in that run, their
 * ratio (or a whole process's time), and whether it reaches what is required.
 *
 * @param name     a short name, for charts: "10MB encrypt vs openssl"
 * @param target   what is promised, in words
 * @param required the value it must reach: a ratio (e.g. 2.0 for "at least twice") or seconds
 * @param measured the value found; NaN when a side did not run
 * @param evidence the measurements the value comes from, in words
 * @param atMost   whether the measured value must stay at or below {@code required} (times, slowdowns) rather than reach it
 * @param unit     "x" for a ratio, "s" for seconds
 */
public record TargetCheck(String name, String target, double required, double measured, String evidence, boolean atMost,
                          String unit) {

    public enum Status { PASS, FAIL, NOT_MEASURED }

    /** A ratio that must reach {@code required}. */
    public TargetCheck(String name, String target, double required, double measured, String evidence) {
        this(name, target, required, measured, evidence, false, "x");
    }

    public Status status() {
        if (Double.isNaN(measured)) {
            return Status.NOT_MEASURED;
        }
        return (atMost ? measured <= required : measured >= required) ? Status.PASS : Status.FAIL;
    }

    /** How far from its line the target is: 1 just met, above 1 met with room, below 1 missed; NaN when not measured. */
    public double margin() {
        if (Double.isNaN(measured) || measured <= 0) {
            return Double.NaN;
        }
        return atMost ? required / measured : measured / required;
    }

    /** A value of this target as the report writes it: "2.00x" or "0.500 s". */
    public String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return unit.equals("s") ? String.format(Locale.ROOT, "%.3f s", value) : String.format(Locale.ROOT, "%.2fx", value);
    }

    public static TargetCheck notMeasured(String name, String target, double required, String missing) {
        return new TargetCheck(name, target, required, Double.NaN, missing);
    }

    public static TargetCheck notMeasured(String name, String target, double required, String missing, boolean atMost, String unit) {
        return new TargetCheck(name, target, required, Double.NaN, missing, atMost, unit);
    }
}
