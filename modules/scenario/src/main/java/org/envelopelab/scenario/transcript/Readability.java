package org.envelopelab.scenario.transcript;

/** How much of one item (headers, body, attachments) a party could read. */
public enum Readability {
    /** In the clear: the party could read it. */
    READABLE,
    /** Present but encrypted: the party held ciphertext it had no key for. */
    ENCRYPTED,
    /** Not there: the message has no such item, or the party never held the message. */
    ABSENT
}
