package org.envelopelab.service.rights;

import java.util.Locale;

/** Usage rights a protected message grants its readers (rights management, as in Azure RMS). */
public enum Right {
    VIEW, EDIT, REPLY, REPLY_ALL, FORWARD, PRINT, COPY, EXPORT;

    /** As scripts write it: view, edit, reply, reply-all, forward, print, copy, export. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Right ofLabel(String label) {
        try {
            return valueOf(label.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown right '" + label
                    + "' (rights: view, edit, reply, reply-all, forward, print, copy, export)");
        }
    }
}
