package org.envelopelab.scenario.run;

import org.envelopelab.routes.MailRoutes;
import org.envelopelab.routes.encryption.MessageEncryptionFlow;
import org.envelopelab.routes.encryption.ServiceMail;
import org.envelopelab.scenario.script.ServiceConfig;
import org.envelopelab.service.audit.AuditLog;
import org.envelopelab.service.branding.BrandingTemplate;
import org.envelopelab.service.branding.BrandingTemplates;
import org.envelopelab.service.portal.PortalApi;
import org.envelopelab.service.protection.ProtectionService;
import org.envelopelab.service.rules.RuleEngine;
import org.envelopelab.service.rules.TemplateCatalog;
import org.envelopelab.service.tenant.Tenant;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * The organization's message encryption service in a running world: the key-holding protection
 * service, the mail flow step in the transport, and the portal API outside recipients use.
 */
public final class LabService {

    private final ServiceConfig config;
    private final ProtectionService protection;
    private final MessageEncryptionFlow flow;
    private final TemplateCatalog templates;
    private PortalApi portal;

    private LabService(ServiceConfig config, ProtectionService protection, MessageEncryptionFlow flow, TemplateCatalog templates) {
        this.config = config;
        this.protection = protection;
        this.flow = flow;
        this.templates = templates;
    }

    /** The service before the transport runs: its flow goes into the transport. */
    static LabService create(ServiceConfig config, Clock clock, SecureRandom random, URI portalBase) {
        Tenant tenant = config.tenant();
        ProtectionService protection = new ProtectionService(tenant, clock, random, new AuditLog(clock));
        BrandingTemplates branding = new BrandingTemplates(tenant);
        for (BrandingTemplate template : config.branding()) {
            if (template.name().equalsIgnoreCase(BrandingTemplate.DEFAULT_NAME)) {
                branding.replaceDefault(template);
            } else {
                branding.add(template);
            }
        }
        TemplateCatalog templates = new TemplateCatalog(config.templates());
        MessageEncryptionFlow flow = new MessageEncryptionFlow(protection, new RuleEngine(tenant, templates), config.rules(),
                branding, config.journal(), portalBase);
        return new LabService(config, protection, flow, templates);
    }

    /** Once the transport runs, the service can send its own mail (passcodes, portal replies). */
    void attach(MailRoutes routes, Clock clock) {
        ServiceMail mail = new ServiceMail(config.tenant(), templates, flow, routes, clock);
        portal = new PortalApi(protection, mail, mail, mail);
    }

    public ServiceConfig config() {
        return config;
    }

    public ProtectionService protection() {
        return protection;
    }

    public MessageEncryptionFlow flow() {
        return flow;
    }

    public PortalApi portal() {
        return portal;
    }

    public AuditLog audit() {
        return protection.audit();
    }

    public Tenant tenant() {
        return config.tenant();
    }
}
