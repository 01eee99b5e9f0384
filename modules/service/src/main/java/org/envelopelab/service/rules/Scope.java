package org.envelopelab.service.rules;

import org.envelopelab.service.tenant.Tenant;

import java.util.Locale;

/** Where a recipient is, seen from the tenant: at its domain (inside the organization) or anywhere else. */
public enum Scope {
    INSIDE,
    OUTSIDE;

    /** "inside" or "outside", as scripts and transcripts say it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean holdsFor(String address, Tenant tenant) {
        return tenant.isInside(address) == (this == INSIDE);
    }

    public static Scope ofLabel(String label) {
        for (Scope scope : values()) {
            if (scope.label().equalsIgnoreCase(label.strip())) {
                return scope;
            }
        }
        throw new IllegalArgumentException("unknown scope '" + label + "' (scopes: inside, outside)");
    }
}
