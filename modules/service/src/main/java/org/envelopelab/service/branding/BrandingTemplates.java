package org.envelopelab.service.branding;

import org.envelopelab.service.tenant.Feature;
import org.envelopelab.service.tenant.Tenant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's branding templates. The default one ("OME Configuration") always exists: it can be
 * changed but not removed or renamed, because protected mail with no branding rule falls back to
 * it. More templates, and expiry, need the advanced plan. Every change is checked against
 * {@link BrandingRules}; a template that breaks them is refused with all its problems.
 */
public final class BrandingTemplates {

    private final Tenant tenant;
    private final Map<String, BrandingTemplate> byKey = new LinkedHashMap<>();

    public BrandingTemplates(Tenant tenant) {
        this.tenant = tenant;
        byKey.put(key(BrandingTemplate.DEFAULT_NAME), BrandingTemplate.defaults());
    }

    public BrandingTemplate defaultTemplate() {
        return byKey.get(key(BrandingTemplate.DEFAULT_NAME));
    }

    /** A template by name, whatever its case. */
    public Optional<BrandingTemplate> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byKey.get(key(name)));
    }

    /** Changes the default template; it keeps its name. */
    public void replaceDefault(BrandingTemplate template) {
        if (template.name() == null || !key(template.name()).equals(key(BrandingTemplate.DEFAULT_NAME))) {
            throw new IllegalArgumentException("the default branding template keeps its name '" + BrandingTemplate.DEFAULT_NAME
                    + "'; to use the name '" + template.name() + "', add a template of that name");
        }
        replace(template);
    }

    /** Changes an existing template, found by the new version's name. */
    public void replace(BrandingTemplate template) {
        if (find(template.name()).isEmpty()) {
            throw new IllegalArgumentException("there is no branding template called '" + template.name() + "' to change ("
                    + "templates: " + String.join(", ", names()) + ")");
        }
        checked(template);
        byKey.put(key(template.name()), template);
    }

    /** Adds a template besides the default; needs {@link Feature#MULTIPLE_BRANDING_TEMPLATES}. */
    public void add(BrandingTemplate template) {
        tenant.require(Feature.MULTIPLE_BRANDING_TEMPLATES);
        if (template.name() != null && find(template.name()).isPresent()) {
            throw new IllegalArgumentException("there is already a branding template called '" + find(template.name()).get().name()
                    + "' (names are not case-sensitive)");
        }
        checked(template);
        byKey.put(key(template.name()), template);
    }

    public void remove(String name) {
        if (name != null && key(name).equals(key(BrandingTemplate.DEFAULT_NAME))) {
            throw new IllegalArgumentException("the default branding template can be changed but not removed");
        }
        if (find(name).isEmpty()) {
            throw new IllegalArgumentException("there is no branding template called '" + name + "' (templates: "
                    + String.join(", ", names()) + ")");
        }
        byKey.remove(key(name));
    }

    /** The default first, then the others in the order they were added. */
    public List<BrandingTemplate> all() {
        return List.copyOf(byKey.values());
    }

    /** Expiry is checked against the plan before the limits: the plan decides whether it may be set at all. */
    private void checked(BrandingTemplate template) {
        if (template.expires()) {
            tenant.require(Feature.EXPIRY);
        }
        List<String> problems = BrandingRules.problems(template);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        byKey.values().forEach(template -> names.add(template.name()));
        return names;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
