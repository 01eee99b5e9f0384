package org.envelopelab.people.evidence;

/**
 * Someone or something that may hold a copy of a message.
 *
 * @param kind  which kind of party
 * @param who   the address (sender, mailbox, recipient) or domain (service) it concerns; for a
 *              wire leg, "from-domain -> to-domain", marked when the leg carried the service's
 *              journal copy rather than the message
 * @param label how tables name it, e.g. "mailbox of carol@gmail.example"
 */
public record Party(Kind kind, String who, String label) {

    private static final String JOURNAL_COPY = "journal copy";

    /** The kinds of party. A new kind is added here, and the judge orders it in its tables. */
    public enum Kind {
        /** The person who wrote the message. */
        SENDER,
        /** An organization's mail service: what its transport (and its rules) held of the message. */
        SERVICE,
        /** One transfer between two servers over SMTP: what anyone on the network path could read. */
        WIRE,
        /** A mailbox as stored on its provider's server: mail at rest. */
        MAILBOX,
        /** A recipient reading with their own mail client, or in the organization's portal. */
        RECIPIENT,
        /** Someone a recipient forwarded the message (or its wrapper) to. */
        FORWARDEE,
        /** Whoever holds a recipient's mailbox: a stolen password, a shared device. */
        THIEF,
        /** Someone who is not a recipient but got hold of the wrapper's link. */
        LINK_HOLDER
    }

    public static Party sender(String address) {
        return new Party(Kind.SENDER, address, "sender " + address);
    }

    public static Party service(String domain) {
        return new Party(Kind.SERVICE, domain, "mail service of " + domain);
    }

    /** One SMTP transfer between two servers, as an eavesdropper on that leg sees it. */
    public static Party wire(String from, String to) {
        return new Party(Kind.WIRE, from + " -> " + to, "eavesdropper on " + from + " -> " + to);
    }

    /**
     * A wire leg that carried the service's journal copy: not the message its recipients got, but
     * a copy the service decrypted for compliance and sent to the journal mailbox.
     */
    public static Party journalWire(String from, String to) {
        String who = from + " -> " + to + " (" + JOURNAL_COPY + ")";
        return new Party(Kind.WIRE, who, "eavesdropper on " + who);
    }

    /** Whether this is a wire leg that carried the service's journal copy rather than the message itself. */
    public boolean carriedJournalCopy() {
        return kind == Kind.WIRE && who.endsWith("(" + JOURNAL_COPY + ")");
    }

    public static Party mailbox(String address) {
        return new Party(Kind.MAILBOX, address, "mailbox of " + address);
    }

    public static Party recipient(String address) {
        return new Party(Kind.RECIPIENT, address, "recipient " + address);
    }

    public static Party forwardee(String address) {
        return new Party(Kind.FORWARDEE, address, "forwardee " + address);
    }

    /** Whoever holds this person's mailbox. */
    public static Party thief(String victim) {
        return new Party(Kind.THIEF, victim, "thief holding " + victim + "'s mailbox");
    }

    public static Party linkHolder(String address) {
        return new Party(Kind.LINK_HOLDER, address, "non-recipient with the link " + address);
    }
}
