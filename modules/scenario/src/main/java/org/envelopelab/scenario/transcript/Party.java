package org.envelopelab.scenario.transcript;

/**
 * Someone or something that may hold a copy of a message.
 *
 * @param kind  which kind of party
 * @param who   the address (sender, mailbox, recipient) or domain (service) it concerns; for the
 *              wire, "from-domain -> to-domain"
 * @param label how the transcript names it, e.g. "mailbox of carol@gmail.example"
 */
public record Party(Kind kind, String who, String label) {

    /**
     * The kinds of party. Later lessons add forwardees and attackers to this list.
     */
    public enum Kind {
        /** The person who wrote the message, reading the copy their client filed in Sent. */
        SENDER,
        /** The mail service of the sender's site: what its transport (and its rules) received. */
        SERVICE,
        /** One transfer between two servers over SMTP: what anyone on the network path could read. */
        WIRE,
        /** A recipient's mailbox as stored on their provider's server: mail at rest. */
        MAILBOX,
        /** A recipient reading with their own mail client after downloading over IMAP. */
        RECIPIENT
    }

    public static Party sender(String address) {
        return new Party(Kind.SENDER, address, "sender " + address);
    }

    public static Party service(String domain) {
        return new Party(Kind.SERVICE, domain, "mail service of " + domain);
    }

    public static Party wire(String from, String to) {
        return new Party(Kind.WIRE, from + " -> " + to, "wire " + from + " -> " + to);
    }

    public static Party mailbox(String address) {
        return new Party(Kind.MAILBOX, address, "mailbox of " + address);
    }

    public static Party recipient(String address) {
        return new Party(Kind.RECIPIENT, address, "recipient " + address);
    }
}
