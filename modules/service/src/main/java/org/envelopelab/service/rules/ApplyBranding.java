package org.envelopelab.service.rules;

/**
 * "Apply this branding template" to the protected mail outside recipients get.
 *
 * @param template the branding template's name
 */
public record ApplyBranding(String template) implements Action {

    public ApplyBranding {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("the branding action needs a template name");
        }
    }

    @Override
    public String describe() {
        return "apply the branding template '" + template + "'";
    }
}
