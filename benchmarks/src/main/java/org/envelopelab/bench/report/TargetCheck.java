package org.envelopelab.bench.report;

/**
 * One target of the benchmarks, checked against a run: the two sides measured in that run, their
 * ratio, and whether it reaches what is required.
 *
 * @param name     a short name, for charts: "10MB encrypt vs openssl"
 * @param target   what is promised, in words
 * @param required the ratio it must reach (e.g. 2.0 for "at least twice")
 * @param measured the ratio found; NaN when a side did not run
 * @param evidence the two measurements the ratio comes from, in words
 */
public record TargetCheck(String name, String target, double required, double measured, String evidence) {

    public enum Status { PASS, FAIL, NOT_MEASURED }

    public Status status() {
        if (Double.isNaN(measured)) {
            return Status.NOT_MEASURED;
        }
        return measured >= required ? Status.PASS : Status.FAIL;
    }

    public static TargetCheck notMeasured(String name, String target, double required, String missing) {
        return new TargetCheck(name, target, required, Double.NaN, missing);
    }
}
