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

    public static Status advanceClock(Stage stage, Step.AdvanceClock advance) {
        stage.lab().clock().advance(advance.by());
        stage.headline("time passes: " + describe(advance.by()) + "; the lab clock now reads " + stage.lab().clock().instant());
        return Status.OK;
    }

    private static String describe(Duration duration) {
        if (duration.toDays() > 0 && duration.toHoursPart() == 0 && duration.toMinutesPart() == 0) {
            return duration.toDays() + (duration.toDays() == 1 ? " day" : " days");
        }
        return duration.toHours() > 0 && duration.toMinutesPart() == 0 ? duration.toHours() + " hours" : duration.toMinutes() + " minutes";
    }
}
