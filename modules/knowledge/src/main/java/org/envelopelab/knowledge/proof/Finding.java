package org.envelopelab.knowledge.proof;

/**
 * What the lab found for one claim.
 *
 * @param holds   whether the claim is true of the lab's evidence
 * @param found   what the evidence says, in words, e.g. "mailbox of gina@gmail.example: held the wrapper at step 4"
 * @param missing whether there was no evidence to judge by (a message a run never sent): neither true nor false
 */
public record Finding(boolean holds, String found, boolean missing) {

    static Finding of(boolean holds, String found) {
        return new Finding(holds, found, false);
    }

    static Finding missing(String why) {
        return new Finding(false, why, true);
    }
}
