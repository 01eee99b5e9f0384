package org.envelopelab.routes.ledger;

/**
 * The ledger's books for one kind of mail. They balance when
 * {@code delivered + bounced + deadLettered + pending == recipients}.
 *
 * @param messages     messages accepted
 * @param recipients   recipient copies accepted (one message to three people is three)
 * @param delivered    copies stored in a mailbox
 * @param bounced      copies refused, reported to the sender
 * @param deadLettered copies given up on, kept for an administrator
 * @param pending      copies still in the transport
 */
public record Totals(int messages, int recipients, int delivered, int bounced, int deadLettered, int pending) {

    public boolean balanced() {
        return delivered + bounced + deadLettered + pending == recipients;
    }

    @Override
    public String toString() {
        return plural(messages, "message") + " to " + plural(recipients, "recipient") + ": " + delivered + " delivered, "
                + bounced + " bounced, " + deadLettered + " dead-lettered, " + pending + " pending";
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
