package org.envelopelab.bench;

import java.util.Arrays;

/**
 * JMH's warm-up-then-measure discipline for work JMH cannot fork for us (an external process, or
 * the lab next to it on the same file): run the action untimed until the warm-up time has
 * passed, then time it until both the measurement time and the minimum count are reached, and
 * report the median (robust against the odd slow run of a process start or a GC).
 */
final class TimedLoop {

    @FunctionalInterface
    interface Action {
        /** One run; returns how long it took in nanoseconds. */
        long run() throws Exception;
    }

    private final double warmupSeconds;
    private final double measureSeconds;
    private final int minimumRuns;

    TimedLoop(double warmupSeconds, double measureSeconds, int minimumRuns) {
        this.warmupSeconds = warmupSeconds;
        this.measureSeconds = measureSeconds;
        this.minimumRuns = minimumRuns;
    }

    /** The median time of one run, in milliseconds. */
    double medianMillis(Action action) throws Exception {
        long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        do {
            action.run();
        } while (System.nanoTime() < warmupEnd);
        long[] times = new long[16];
        int count = 0;
        long measureEnd = System.nanoTime() + (long) (measureSeconds * 1e9);
        while (count < minimumRuns || System.nanoTime() < measureEnd) {
            if (count == times.length) {
                times = Arrays.copyOf(times, count * 2);
            }
            times[count++] = action.run();
        }
        long[] measured = Arrays.copyOf(times, count);
        Arrays.sort(measured);
        double median = count % 2 == 1 ? measured[count / 2] : (measured[count / 2 - 1] + measured[count / 2]) / 2.0;
        return median / 1e6;
    }
}
