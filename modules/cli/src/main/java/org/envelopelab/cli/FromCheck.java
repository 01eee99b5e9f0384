package org.envelopelab.cli;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a signed message's From is its signer (RFC 8550 3: the address in From must be one of
 * the certificate's): every address in every From field, as a mail client shows them all. A From
 * that cannot be read is a finding, never a failure of the lab.
 */
record FromCheck(List<String> addresses, List<String> strangers, String unreadable) {

    static FromCheck of(MimeMessage message, List<String> certificateAddresses) {
        String[] fields;
        try {
            fields = message.getHeader("From");
        } catch (MessagingException e) {
            return new FromCheck(List.of(), List.of(), "cannot be read");
        }
        if (fields == null || fields.length == 0) {
            return new FromCheck(List.of(), List.of(), "");
        }
        List<String> addresses = new ArrayList<>();
        for (String field : fields) {
            if (field.chars().anyMatch(c -> (c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F)) {
                return new FromCheck(List.of(), List.of(), "'" + ExitCodes.printable(field.strip())
                        + "' holds a control character");
            }
            try {
                for (InternetAddress address : InternetAddress.parseHeader(field, true)) {
                    addresses.add(address.getAddress() == null ? "" : address.getAddress().toLowerCase(Locale.ROOT));
                }
            } catch (AddressException | RuntimeException e) {
                return new FromCheck(List.of(), List.of(), "'" + ExitCodes.printable(field.strip()) + "' is not an address");
            }
        }
        List<String> known = certificateAddresses.stream().map(address -> address.toLowerCase(Locale.ROOT)).toList();
        List<String> strangers = addresses.stream().filter(address -> !known.contains(address)).toList();
        return new FromCheck(addresses, strangers, null);
    }

    boolean matches() {
        return unreadable == null && !addresses.isEmpty() && strangers.isEmpty();
    }

    /** One line: the addresses and whether each is the certificate's. */
    String describe() {
        if (unreadable != null) {
            return unreadable.isEmpty() ? "(none) (does NOT match the certificate)"
                    : "(unreadable: " + unreadable + ") (does NOT match the certificate)";
        }
        String shown = ExitCodes.printable(String.join(", ", addresses));
        if (addresses.isEmpty()) {
            return "(none) (does NOT match the certificate)";
        }
        if (strangers.isEmpty()) {
            return shown + (addresses.size() == 1 ? " (matches the certificate)" : " (each matches the certificate)");
        }
        return shown + " (does NOT match the certificate: " + ExitCodes.printable(String.join(", ", strangers))
                + (strangers.size() == 1 ? " is not its address)" : " are not its addresses)");
    }
}
