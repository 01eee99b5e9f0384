package org.envelopelab.service.tenant;

import java.util.Locale;

/** Licences a tenant can add to its plan. */
public enum AddOn {
    /** Azure Information Protection Plan 1: brings message encryption to plans without it. */
    AZURE_INFORMATION_PROTECTION_P1("azure-information-protection-p1", "Azure Information Protection Plan 1"),
    /** Advanced Message Encryption: revocation, expiry, several branding templates, portal audit. */
    ADVANCED_MESSAGE_ENCRYPTION("advanced-message-encryption", "Advanced Message Encryption");

    private final String label;
    private final String title;

    AddOn(String label, String title) {
        this.label = label;
        this.title = title;
    }

    public String label() {
        return label;
    }

    public String title() {
        return title;
    }

    public static AddOn ofLabel(String label) {
        for (AddOn addOn : values()) {
            if (addOn.label.equals(label.toLowerCase(Locale.ROOT))) {
                return addOn;
            }
        }
        throw new IllegalArgumentException("unknown add-on '" + label + "' (add-ons: azure-information-protection-p1, advanced-message-encryption)");
    }
}
