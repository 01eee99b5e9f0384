package org.envelopelab.service.rules;

/** What a mail flow rule does to a message it matches. */
public sealed interface Action permits ApplyProtection, ApplyBranding, RemoveEncryption {

    /** The action in words, for rule listings and transcripts. */
    String describe();
}
