package org.envelopelab.mailnet;

import java.util.Locale;
import java.util.Objects;

/**
 * A mailbox owner's account at a site. The login is the address itself, as at most providers.
 *
 * @param address     the email address, which is also the login
 * @param displayName the person's name as it appears in From and To headers
 * @param password    the password for SMTP submission and IMAP
 */
public record Account(String address, String displayName, String password) {

    public Account {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(password, "password");
        address = address.trim().toLowerCase(Locale.ROOT);
        if (!Addresses.isValid(address)) {
            throw new IllegalArgumentException("not an email address: " + address);
        }
        displayName = displayName == null ? "" : displayName;
    }

    public String login() {
        return address;
    }

    public String domain() {
        return Addresses.domainOf(address);
    }

    @Override
    public String toString() {
        return displayName.isEmpty() ? address : displayName + " <" + address + ">";
    }
}
