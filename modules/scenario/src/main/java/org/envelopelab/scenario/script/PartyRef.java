package org.envelopelab.scenario.script;

/**
 * A party that may see a message, as scripts name it: {@code sender}, {@code service} (the mail
 * service of the sender's site), {@code wire} (the connections between servers),
 * {@code mailbox of <person>} (the recipient's mailbox at rest on its server) or {@code <person>}
 * (that recipient, reading with their client).
 *
 * @param kind    which kind of party
 * @param address the person's address for MAILBOX and RECIPIENT; null otherwise
 */
public record PartyRef(Kind kind, String address) {

    public enum Kind { SENDER, SERVICE, WIRE, MAILBOX, RECIPIENT, THIEF }

    public static PartyRef of(Kind kind) {
        return new PartyRef(kind, null);
    }
}
