package org.envelopelab.scenario.script;

import org.envelopelab.service.branding.BrandingTemplate;
import org.envelopelab.service.rights.RightsTemplate;
import org.envelopelab.service.rules.FlowRule;
import org.envelopelab.service.tenant.Tenant;

import java.util.List;

/**
 * The organization's message encryption service, as a scenario configures it: the tenant (plan,
 * add-ons, groups), custom rights templates, branding templates, mail flow rules, and an optional
 * journal mailbox that receives the service's decrypted copies.
 *
 * @param tenant    the organization as the service knows it
 * @param templates custom rights templates (Encrypt-Only and Do Not Forward are always there)
 * @param branding  branding templates in script order; one named "OME Configuration" changes the default
 * @param rules     the mail flow rules, in order
 * @param journal   the address that gets a decrypted copy of everything the service protects, or null
 */
public record ServiceConfig(Tenant tenant, List<RightsTemplate> templates, List<BrandingTemplate> branding,
                            List<FlowRule> rules, String journal) {

    public ServiceConfig {
        templates = List.copyOf(templates);
        branding = List.copyOf(branding);
        rules = List.copyOf(rules);
    }
}
