package org.envelopelab.mailnet;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The lab's one notion of a valid mailbox address (local@domain, a dot-atom local part and a
 * dotted domain), and of the domain an address belongs to.
 */
public final class Addresses {

    private static final Pattern MAILBOX = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+");

    private Addresses() {
    }

    public static boolean isValid(String address) {
        return address != null && MAILBOX.matcher(address).matches();
    }

    /** The lower-cased domain of an address, or the input lower-cased when it has no {@code @}. */
    public static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return address.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    public static String normalize(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }
}
