package org.envelopelab.mailnet;

/**
 * Where a site listens on 127.0.0.1. Zero means "pick a free port when the site first starts";
 * once picked, a site keeps its ports across stop and start, so a connected client can come back.
 */
public record Ports(int smtp, int imap) {

    public static final Ports DYNAMIC = new Ports(0, 0);

    public Ports {
        if (smtp < 0 || smtp > 65535 || imap < 0 || imap > 65535) {
            throw new IllegalArgumentException("ports must be 0..65535: smtp " + smtp + ", imap " + imap);
        }
    }

    public static Ports fixed(int smtp, int imap) {
        return new Ports(smtp, imap);
    }
}
