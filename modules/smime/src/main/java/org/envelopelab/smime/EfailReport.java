package org.envelopelab.smime;

import java.util.List;

/**
 * What the EFAIL lesson showed.
 *
 * @param knownBlock               the first 16 plaintext bytes the attacker could predict
 * @param chosenBlocks             the blocks the attacker chose: the start of the image tag, the link, the end of the tag
 * @param cbcDecrypted             what the recipient's client decrypted from the rebuilt CBC message (ISO-8859-1)
 * @param original                 the encrypted entity as the sender wrote it
 * @param cbcDecryptedWithoutError whether the recipient's client decrypted the rebuilt CBC message without any error
 * @param gcmOutcome               what the recipient's client said about the same kind of change to a GCM message
 */
public record EfailReport(String knownBlock, List<String> chosenBlocks, String cbcDecrypted, String original,
                          boolean cbcDecryptedWithoutError, String gcmOutcome) {

    private static final int BLOCK = EfailLesson.BLOCK;

    public EfailReport {
        chosenBlocks = List.copyOf(chosenBlocks);
    }

    /** Where the link starts: after the opening block, a garbage block and the quote and space before src. */
    private static final int LINK_AT = 2 * BLOCK;

    /** The URL the image would load: from the link block to the closing quote, garbage included. */
    public String url() {
        int start = cbcDecrypted.indexOf("//m.test/", LINK_AT);
        int end = cbcDecrypted.lastIndexOf('"');
        return start < 0 || end < start ? "" : cbcDecrypted.substring(start, end);
    }

    /** Whether the whole original plaintext sits inside the URL: what the attacker's server would receive. */
    public boolean plaintextInUrl() {
        return cbcDecryptedWithoutError && url().contains(original);
    }

    /** Whether a garbage block holds a quote mark, which would end the link early in a browser (about 6% a block). */
    public boolean garbageEndsTheLinkEarly() {
        if (!cbcDecryptedWithoutError) {
            return false;
        }
        String link = url();
        return link.indexOf('"') >= 0 || cbcDecrypted.substring(BLOCK, 2 * BLOCK).indexOf('"') >= 0;
    }

    /** True when the attack worked on CBC and failed on GCM: the lesson's point. */
    public boolean aeadStoppedWhatCbcAllowed() {
        return plaintextInUrl() && !gcmOutcome.isEmpty();
    }

    /** A few lines for students, separated by line ends. */
    public String narrate() {
        return String.join("\n", List.of(
                "EFAIL (2018): encryption without integrity lets someone who cannot decrypt still choose what the recipient reads.",
                "1. Alice encrypts a message for Bob with AES-256-CBC (EnvelopedData). Its first 16 bytes are predictable: \""
                        + knownBlock + "\".",
                "2. Mallory, who has no key, knows that block and its ciphertext C1. For any block T she likes, the pair"
                        + " (IV xor \"" + knownBlock + "\" xor T, C1)",
                "   decrypts to a block of garbage and then T; sent as the IV, the first part gives T with no garbage at all.",
                "   From such pairs and the blocks of Alice's ciphertext, which travel in the clear, she builds a new message:",
                "   a chosen block, a garbage block, a chosen block, a garbage block, Alice's whole text, a garbage block, a chosen block.",
                "3. Bob's client decrypts it " + (cbcDecryptedWithoutError ? "without any error" : "with an error") + ". It reads"
                        + " (garbage shown as [16 garbage bytes]):",
                "   " + shown(),
                "   The image link is " + (plaintextInUrl() ? "//m.test/ followed by Alice's whole text: loading the image would send it"
                        + " to Mallory's server." : "not formed this time."),
                "   " + (garbageEndsTheLinkEarly() ? "This time a garbage block holds a quote mark, which would end the link early;"
                        + " Mallory cannot see that, so she sends variants."
                        : "Each garbage block holds a quote mark about 6% of the time, which would end the link early; not this time."),
                "   A client must also show the part as HTML for the image to load. The lab renders and fetches nothing.",
                "4. The same kind of change to an AES-256-GCM message (AuthEnvelopedData): \"" + gcmOutcome + "\".",
                "   Authenticated encryption is why RFC 8551 makes AES-GCM the default and keeps CBC for old clients only."));
    }

    /** The decrypted text on one line: garbage blocks marked, line ends as \r\n, other unprintable bytes (the padding) as dots. */
    private String shown() {
        if (!cbcDecryptedWithoutError) {
            return "(nothing)";
        }
        int afterText = cbcDecrypted.length() - 2 - BLOCK;
        String text = cbcDecrypted.substring(4 * BLOCK, afterText).replace("\r\n", "\\r\\n");
        return cbcDecrypted.substring(0, BLOCK) + "[16 garbage bytes]" + cbcDecrypted.substring(2 * BLOCK, 3 * BLOCK)
                + "[16 garbage bytes]" + printable(text) + "[16 garbage bytes]" + cbcDecrypted.substring(afterText + BLOCK);
    }

    private static String printable(String text) {
        StringBuilder shown = new StringBuilder();
        text.chars().forEach(c -> shown.append(c >= 0x20 && c < 0x7f ? (char) c : '.'));
        return shown.toString();
    }
}
