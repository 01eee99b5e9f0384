package org.envelopelab.service.rules;

import java.util.List;

/** Checks the address and domain lists rule conditions are written with: at least one entry, none blank. */
final class AddressList {

    private AddressList() {
    }

    static List<String> checked(List<String> entries, String what) {
        if (entries == null || entries.isEmpty()) {
            throw new IllegalArgumentException("the condition needs at least one " + what);
        }
        for (String entry : entries) {
            if (entry == null || entry.isBlank()) {
                throw new IllegalArgumentException("the condition has an empty " + what + ": " + entries);
            }
        }
        return List.copyOf(entries);
    }
}
