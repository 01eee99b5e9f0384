package org.envelopelab.scenario.run;

import org.envelopelab.scenario.script.Step;

import java.time.Duration;

/** The steps that tell the story without touching mail: a note, and time passing. */
public final class StorySteps {

    private StorySteps() {
    }

    public static Status note(Stage stage, Step.Note note) {
        stage.headline("note: " + note.text().strip());
        return Status.OK;
    }

    public static Status advanceClock(Stage stage, Step.AdvanceClock advance) throws InterruptedException {
        java.time.Instant target = stage.lab().clock().instant().plus(advance.by());
        stage.headline("time passes: " + describe(advance.by()) + "; the lab clock now reads " + target);
        // Retries that fall due and faults that end on the way happen at their own lab times.
        if (!stage.transportTime().advanceTo(target, TRANSPORT_KEEPS_UP, stage::say)) {
            stage.say("    the transport did not finish its retries in " + TRANSPORT_KEEPS_UP.toSeconds() + " s of real time");
            return Status.FAILED;
        }
        return Status.OK;
    }

    /** The real time the transport gets to do what falls due while the clock is advanced. */
    private static final Duration TRANSPORT_KEEPS_UP = Duration.ofMinutes(2);

    private static String describe(Duration duration) {
        if (duration.toDays() > 0 && duration.toHoursPart() == 0 && duration.toMinutesPart() == 0) {
            return duration.toDays() + (duration.toDays() == 1 ? " day" : " days");
        }
        return duration.toHours() > 0 && duration.toMinutesPart() == 0 ? duration.toHours() + " hours" : duration.toMinutes() + " minutes";
    }
}
