package org.envelopelab.service.rules;

import org.envelopelab.service.rights.RightsTemplate;

import java.util.Objects;

/**
 * "Apply message encryption and rights protection" with a rights template. A rule cannot encrypt
 * mail that comes in from outside the organization; the engine notes it and leaves such mail alone.
 *
 * @param template the rights readers get
 */
public record ApplyProtection(RightsTemplate template) implements Action {

    public ApplyProtection {
        Objects.requireNonNull(template, "template");
    }

    @Override
    public String describe() {
        return "apply rights protection with " + template.name() + " (" + template.describeRights() + ")";
    }
}
