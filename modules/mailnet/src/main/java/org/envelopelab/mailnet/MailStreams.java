package org.envelopelab.mailnet;

import jakarta.mail.util.StreamProvider;

/**
 * Names Jakarta Mail's stream implementation once, for the whole JVM. Jakarta Mail looks it up
 * with a {@code ServiceLoader} — re-reading {@code META-INF/services} from the class path — every
 * time it makes a {@code MimeBodyPart}, a {@code MimeMultipart} or reads a header section, unless
 * the system property {@value #PROPERTY} names it. GreenMail parses every message it stores into
 * such parts, so a multipart message (a service wrapper has five parts) cost a site about a
 * millisecond of lookups to store, and the service reading a small protected message four times
 * what it costs with the property set (numbers in benchmarks/README.md). {@code MailWorld.start},
 * {@code lab}'s main and the benchmarks call this. The value is the implementation the lookup
 * finds anyway; a property someone already set is left alone.
 */
public final class MailStreams {

    static final String PROPERTY = "jakarta.mail.util.StreamProvider";

    private MailStreams() {
    }

    /** Sets the property to the provider Jakarta Mail finds, unless it is set already. */
    public static void nameTheProvider() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, StreamProvider.provider().getClass().getName());
        }
    }
}
