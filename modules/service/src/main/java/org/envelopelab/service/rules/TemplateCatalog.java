package org.envelopelab.service.rules;

import org.envelopelab.service.rights.RightsTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The rights templates a tenant can apply: Encrypt-Only and Do Not Forward, which every tenant
 * has, and the custom ones its admins defined. Names are found regardless of case, spaces or
 * dashes, so a script's "do-not-forward" is the product's "Do Not Forward".
 */
public final class TemplateCatalog {

    private final Map<String, RightsTemplate> byKey = new LinkedHashMap<>();

    public TemplateCatalog(List<RightsTemplate> custom) {
        add(RightsTemplate.ENCRYPT_ONLY);
        add(RightsTemplate.DO_NOT_FORWARD);
        for (RightsTemplate template : custom == null ? List.<RightsTemplate>of() : custom) {
            if (template == null || template.name() == null || template.name().isBlank()) {
                throw new IllegalArgumentException("a custom rights template needs a name");
            }
            RightsTemplate existing = byKey.get(key(template.name()));
            if (existing == RightsTemplate.ENCRYPT_ONLY || existing == RightsTemplate.DO_NOT_FORWARD) {
                throw new IllegalArgumentException("'" + template.name() + "' is the built-in template " + existing.name()
                        + "; give the custom template another name");
            }
            if (existing != null) {
                throw new IllegalArgumentException("there are two rights templates called '" + existing.name() + "' and '"
                        + template.name() + "'; names must differ in more than case, spaces or dashes");
            }
            add(template);
        }
    }

    /** The template by name: "Encrypt-Only", "encrypt-only", "Do Not Forward", "do-not-forward", or a custom one. */
    public Optional<RightsTemplate> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byKey.get(key(name)));
    }

    /** The built-in templates first, then the custom ones in the order given. */
    public List<RightsTemplate> all() {
        return List.copyOf(byKey.values());
    }

    private void add(RightsTemplate template) {
        byKey.put(key(template.name()), template);
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "-");
    }
}
