package org.envelopelab.portal.guard;

import io.javalin.http.Context;

/** Reads the fields of a posted form, refusing what is missing or longer than any honest value. */
public final class Forms {

    private Forms() {
    }

    /** The field's value as sent, when present, not blank, and at most {@code maxLength} characters; a 400 otherwise. */
    public static String required(Context ctx, String field, int maxLength, String whatToEnter) {
        String value = ctx.formParam(field);
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw Refusal.badInput(whatToEnter);
        }
        return value;
    }
}
