package org.envelopelab.scenario.run;

import java.time.Duration;
import java.time.Instant;

/** Lab times and durations as the transcript writes them: "2026-03-02 15:00:00", "6h", "30m". */
final class LabTimes {

    private LabTimes() {
    }

    static String format(Instant instant) {
        return instant.toString().replace('T', ' ').replace("Z", "").replaceAll("\\.\\d+$", "");
    }

    static String format(Duration duration) {
        if (duration.toMinutes() % (24 * 60) == 0 && duration.toDays() > 0) {
            return duration.toDays() + "d";
        }
        if (duration.toMinutes() % 60 == 0 && duration.toHours() > 0) {
            return duration.toHours() + "h";
        }
        if (duration.toSeconds() % 60 == 0 && duration.toMinutes() > 0) {
            return duration.toMinutes() + "m";
        }
        return duration.toSeconds() > 0 && duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s"
                : duration.toMillis() + "ms";
    }
}
