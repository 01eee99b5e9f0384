package org.envelopelab.scenario.run;

import org.envelopelab.scenario.script.ServiceConfig;
import org.envelopelab.service.audit.AuditLog;
import org.envelopelab.service.branding.BrandingTemplate;
import org.envelopelab.service.branding.BrandingTemplates;
import org.envelopelab.service.mailflow.MessageEncryptionFlow;
import org.envelopelab.service.mailflow.ServiceMail;
import org.envelopelab.service.portal.PortalApi;
import org.envelopelab.service.protection.ProtectionService;
import org.envelopelab.service.rules.RuleEngine;
import org.envelopelab.service.rules.TemplateCatalog;
import org.envelopelab.service.tenant.Tenant;
import org.envelopelab.transport.MailInjection;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * The organization's message encryption service in a running world: the key-holding protection
 * service, its mail-flow step in the transport, and the portal API outside recipients use. Built
 * in one pass: {@link #prepare} gives the mail-flow step the transport starts with, and
 * {@link InTransport#connect} adds what needs the running transport (the service's own mail).
 */
public final class LabService {

    private final ServiceConfig config;
    private final ProtectionService protection;
    private final MessageEncryptionFlow flow;
    private final PortalApi portal;

    private LabService(ServiceConfig config, ProtectionService protection, MessageEncryptionFlow flow, PortalApi portal) {
        this.config = config;
        this.protection = protection;
        this.flow = flow;
        this.portal = portal;
    }

    /**
     * The service's keys, rules and mail-flow step, before the transport runs.
     *
     * @param random     the operating system's randomness: keys, link tokens, passcodes, session ids
     * @param portalBase where the portal answers; the wrappers' links point below it
     */
    static InTransport prepare(ServiceConfig config, Clock clock, SecureRandom random, URI portalBase) {
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
                templates, branding, config.journal(), portalBase);
        return new InTransport(config, protection, flow);
    }

    /** The service with its mail-flow step, waiting for the transport it works in. */
    record InTransport(ServiceConfig config, ProtectionService protection, MessageEncryptionFlow flow) {

        /** With the transport running, the service can send its own mail (passcodes, portal replies). */
        LabService connect(MailInjection transport, Clock clock) {
            ServiceMail mail = new ServiceMail(config.tenant(), transport, clock);
            return new LabService(config, protection, flow, new PortalApi(protection, mail, mail, mail));
        }
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
