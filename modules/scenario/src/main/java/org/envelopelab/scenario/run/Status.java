package org.envelopelab.scenario.run;

import java.util.Locale;

/** How a step ended. Reports write it in lowercase. */
public enum Status {
    /** It did what the scenario says (or was refused as the scenario expects). */
    OK,
    /** An expectation did not hold, something was refused (or allowed) against the scenario, or a wait timed out. */
    FAILED,
    /** The lab could not do the step at all. */
    ERROR;

    /** "ok", "failed", "error": how reports and the terminal write it. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
