package org.envelopelab.service.protection;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How an expiry date reads, the same in the wrapper, the portal and a refusal: "Thursday 2 April 2026, 09:00 UTC". */
public final class Expiry {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private Expiry() {
    }

    public static String describe(Instant expires) {
        return FORMAT.format(expires);
    }
}
