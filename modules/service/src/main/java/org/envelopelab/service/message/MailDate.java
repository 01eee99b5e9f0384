package org.envelopelab.service.message;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The value of a Date field the service writes itself, from its own clock — the lab clock in the
 * lab — never from the machine's: a wrapper dated by the machine in December that says its
 * message expires in April (by the lab clock) contradicts itself. In UTC, as RFC 5322 writes it.
 */
public final class MailDate {

    private static final DateTimeFormatter RFC_5322 = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private MailDate() {
    }

    /** "Mon, 2 Mar 2026 09:00:00 +0000". */
    public static String of(Instant instant) {
        return RFC_5322.format(instant);
    }
}
