package org.envelopelab.service.tenant;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Microsoft 365 plans and whether they include message encryption, as the seed lists them:
 * included in Office 365 / Microsoft 365 E3 and E5, Office 365 A1/A3/A5 and G3/G5; with an
 * Azure Information Protection Plan 1 add-on for Exchange Online Plan 1/2, Office 365 F1,
 * Business Essentials, Business Premium and E1. The advanced features (revocation, expiry, more
 * branding templates, portal audit) come with the E5-class plans or the Advanced Message
 * Encryption add-on.
 */
public enum Plan {
    OFFICE_365_E3("office-365-e3", "Office 365 E3", true, false),
    OFFICE_365_E5("office-365-e5", "Office 365 E5", true, true),
    MICROSOFT_365_E3("microsoft-365-e3", "Microsoft 365 E3", true, false),
    MICROSOFT_365_E5("microsoft-365-e5", "Microsoft 365 E5", true, true),
    OFFICE_365_A1("office-365-a1", "Office 365 A1", true, false),
    OFFICE_365_A3("office-365-a3", "Office 365 A3", true, false),
    OFFICE_365_A5("office-365-a5", "Office 365 A5", true, true),
    OFFICE_365_G3("office-365-g3", "Office 365 G3", true, false),
    OFFICE_365_G5("office-365-g5", "Office 365 G5", true, true),
    EXCHANGE_ONLINE_PLAN_1("exchange-online-plan-1", "Exchange Online Plan 1", false, false),
    EXCHANGE_ONLINE_PLAN_2("exchange-online-plan-2", "Exchange Online Plan 2", false, false),
    OFFICE_365_F1("office-365-f1", "Office 365 F1", false, false),
    BUSINESS_ESSENTIALS("office-365-business-essentials", "Office 365 Business Essentials", false, false),
    BUSINESS_PREMIUM("office-365-business-premium", "Office 365 Business Premium", false, false),
    OFFICE_365_E1("office-365-e1", "Office 365 Enterprise E1", false, false);

    private final String label;
    private final String title;
    private final boolean includesEncryption;
    private final boolean includesAdvanced;

    Plan(String label, String title, boolean includesEncryption, boolean includesAdvanced) {
        this.label = label;
        this.title = title;
        this.includesEncryption = includesEncryption;
        this.includesAdvanced = includesAdvanced;
    }

    public String label() {
        return label;
    }

    public String title() {
        return title;
    }

    /** Whether the plan, with these add-ons, may use a feature. */
    public boolean allows(Feature feature, Set<AddOn> addOns) {
        boolean encryption = includesEncryption || addOns.contains(AddOn.AZURE_INFORMATION_PROTECTION_P1);
        if (!encryption) {
            return false;
        }
        return !feature.advanced() || includesAdvanced || addOns.contains(AddOn.ADVANCED_MESSAGE_ENCRYPTION);
    }

    /** What the tenant would need for a feature, in words: "Office 365 E3 plus the ... add-on", etc. */
    public String requirementFor(Feature feature) {
        if (!includesEncryption) {
            return feature.advanced()
                    ? "the Azure Information Protection Plan 1 and Advanced Message Encryption add-ons"
                    : "the Azure Information Protection Plan 1 add-on";
        }
        return "an E5 plan (Office 365 or Microsoft 365 E5, A5, G5) or the Advanced Message Encryption add-on";
    }

    public static Plan ofLabel(String label) {
        return Arrays.stream(values())
                .filter(plan -> plan.label.equals(label.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown plan '" + label + "' (plans: "
                        + String.join(", ", Arrays.stream(values()).map(Plan::label).toList()) + ")"));
    }
}
