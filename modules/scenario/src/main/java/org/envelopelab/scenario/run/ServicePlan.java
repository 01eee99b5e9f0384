package org.envelopelab.scenario.run;

import org.envelopelab.service.tenant.AddOn;
import org.envelopelab.service.tenant.Feature;
import org.envelopelab.service.tenant.Tenant;

import java.util.Arrays;
import java.util.List;

/** The tenant's plan in words, for the top of a transcript: what it enables, and what it does not. */
final class ServicePlan {

    private ServicePlan() {
    }

    static String describe(Tenant tenant) {
        List<String> enabled = Arrays.stream(Feature.values()).filter(tenant::allows).map(Feature::description).toList();
        List<String> not = Arrays.stream(Feature.values()).filter(feature -> !tenant.allows(feature))
                .map(Feature::description).toList();
        String addOns = tenant.addOns().isEmpty() ? ""
                : " with " + String.join(", ", tenant.addOns().stream().map(AddOn::title).sorted().toList());
        return tenant.plan().title() + addOns + " gives " + String.join(", ", enabled)
                + (not.isEmpty() ? "" : "; not " + String.join(", ", not));
    }
}
