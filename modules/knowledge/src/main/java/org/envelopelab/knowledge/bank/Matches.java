package org.envelopelab.knowledge.bank;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a matching pair's right-hand side may say a party could do with a message. The lab works
 * out the one phrase that is true of each party from its evidence, in this order: it could read
 * the body; else it asked and was refused; else it held the message encrypted; else it held only
 * the service's wrapper; else it never held it.
 */
public final class Matches {

    public static final String READ = "could read it";
    public static final String REFUSED = "was refused";
    public static final String ENCRYPTED = "held it encrypted";
    public static final String WRAPPER = "held only the wrapper";
    public static final String NEVER = "never held it";

    /** Each phrase, with what it means. */
    public static final Map<String, String> PHRASES;

    static {
        Map<String, String> phrases = new LinkedHashMap<>();
        phrases.put(READ, "it could read the message's body");
        phrases.put(REFUSED, "it asked to read the message and was refused, and never read it");
        phrases.put(ENCRYPTED, "it held the message as ciphertext, without a key to open it");
        phrases.put(WRAPPER, "it held the service's wrapper: a link to the portal, no content");
        phrases.put(NEVER, "no copy ever reached it");
        PHRASES = Collections.unmodifiableMap(phrases);
    }

    private Matches() {
    }
}
