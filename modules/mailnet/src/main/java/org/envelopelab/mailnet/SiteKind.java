package org.envelopelab.mailnet;

/**
 * What a site in the mail world stands for. Organizations run their own tenant (and, in later
 * lessons, a message encryption service); consumer providers host outside recipients.
 */
public enum SiteKind {
    ORGANIZATION("organization"),
    OUTLOOK("Outlook.com-like provider"),
    GMAIL("Gmail-like provider"),
    YAHOO("Yahoo-like provider"),
    PROVIDER("mail provider");

    private final String description;

    SiteKind(String description) {
        this.description = description;
    }

    /** A phrase for transcripts, such as "Gmail-like provider". */
    public String description() {
        return description;
    }
}
