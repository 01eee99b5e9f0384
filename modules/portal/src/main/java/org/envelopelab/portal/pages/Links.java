package org.envelopelab.portal.pages;

/**
 * The portal's addresses, all below one message link: {@code /portal/read/<token>}. Only the token
 * (and an attachment's number) ever goes into a URL — never an address, a passcode or anything a
 * message says, because URLs end up in histories, proxies and logs.
 */
public final class Links {

    public static final String ROOT = "/portal";

    private Links() {
    }

    /** The link in the wrapper: the landing page, and the path the session cookie is bound to. */
    public static String landing(String token) {
        return ROOT + "/read/" + token;
    }

    public static String passcode(String token) {
        return landing(token) + "/passcode";
    }

    public static String verify(String token) {
        return landing(token) + "/verify";
    }

    public static String providerSignIn(String token) {
        return landing(token) + "/signin";
    }

    public static String message(String token) {
        return landing(token) + "/message";
    }

    public static String attachment(String token, int index) {
        return landing(token) + "/attachments/" + index;
    }

    public static String reply(String token) {
        return landing(token) + "/reply";
    }

    public static String forward(String token) {
        return landing(token) + "/forward";
    }

    public static String signOut(String token) {
        return landing(token) + "/signout";
    }
}
