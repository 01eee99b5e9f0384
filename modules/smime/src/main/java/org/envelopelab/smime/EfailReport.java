package org.envelopelab.smime;

import java.util.List;

/**
 * What the EFAIL lesson showed.
 *
 * @param knownBlock               the first 16 plaintext bytes the attacker could predict
 * @param chosenBlock              the 16 bytes the attacker wanted the recipient to see instead
 * @param cbcFirstBlockAfterAttack what the recipient's client decrypted as the first block of the changed CBC message
 * @param cbcDecryptedWithoutError whether the recipient's client decrypted the changed CBC message without any error
 * @param gcmOutcome               what the recipient's client said about the same change to a GCM message
 */
public record EfailReport(String knownBlock, String chosenBlock, String cbcFirstBlockAfterAttack,
                          boolean cbcDecryptedWithoutError, String gcmOutcome) {

    /** True when the attack worked on CBC and failed on GCM: the lesson's point. */
    public boolean aeadStoppedWhatCbcAllowed() {
        return cbcDecryptedWithoutError && cbcFirstBlockAfterAttack.equals(chosenBlock) && !gcmOutcome.isEmpty();
    }

    /** A few lines for students, separated by line ends. */
    public String narrate() {
        return String.join("\n", List.of(
                "EFAIL (2018): encryption without integrity lets someone who cannot decrypt still choose what the recipient reads.",
                "1. Alice encrypts a message for Bob with AES-256-CBC (EnvelopedData). Its first 16 bytes are predictable: \""
                        + knownBlock + "\".",
                "2. Mallory, who has no key, XORs the IV (sent in the clear) with \"" + knownBlock + "\" XOR \"" + chosenBlock
                        + "\" and sends the message on.",
                "3. Bob's client decrypts it " + (cbcDecryptedWithoutError ? "without any error" : "with an error")
                        + "; the first block now reads \"" + cbcFirstBlockAfterAttack + "\".",
                "   A client that rendered HTML around it would send the rest of the plaintext to Mallory's server;"
                        + " the lab renders and fetches nothing.",
                "4. The same change to an AES-256-GCM message (AuthEnvelopedData): \"" + gcmOutcome + "\".",
                "   Authenticated encryption is why RFC 8551 makes AES-GCM the default and keeps CBC for old clients only."));
    }
}
