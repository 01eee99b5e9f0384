package org.envelopelab.service.mailflow;

import org.envelopelab.service.audit.AuditKind;
import org.envelopelab.service.audit.AuditLog;
import org.envelopelab.service.branding.BrandingTemplate;
import org.envelopelab.service.branding.BrandingTemplates;
import org.envelopelab.service.protection.Protected;
import org.envelopelab.service.protection.ProtectionService;
import org.envelopelab.service.rights.RightsTemplate;
import org.envelopelab.service.rules.Evaluation;
import org.envelopelab.service.rules.FlowRule;
import org.envelopelab.service.rules.MailFacts;
import org.envelopelab.service.rules.RuleEngine;
import org.envelopelab.service.rules.RuleMatch;
import org.envelopelab.service.tenant.Tenant;
import org.envelopelab.service.rules.TemplateCatalog;
import org.envelopelab.service.wrapper.WrapperMessage;
import org.envelopelab.transport.Envelope;
import org.envelopelab.transport.MailFlow;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The organization's message encryption service in the transport: for mail its users submit, it
 * runs the administrator's mail flow rules and, when one says so, protects the message with the
 * service's own keys — recipients inside the organization get the protected message (their client
 * reads it inline with a use license), recipients outside get a branded wrapper whose link leads
 * to the portal, where the content stays. A journal mailbox, when configured, gets a decrypted copy.
 * Everything the rules found and did goes to the service's audit log. Mail the service writes
 * itself (a reply or forward made in the portal) asks for its protection on its envelope.
 */
public final class MessageEncryptionFlow implements MailFlow {

    /** Added to the journal copy, so a reader knows who decrypted it. */
    public static final String JOURNAL_HEADER = "X-EnvelopeLab-Journal-Report";

    private final ProtectionService protection;
    private final RuleEngine engine;
    private final List<FlowRule> rules;
    private final BrandingTemplates branding;
    private final String journal;
    private final URI portalBase;
    private final AuditLog audit;
    private final Tenant tenant;
    private final TemplateCatalog templates;

    /**
     * @param templates  the rights templates the tenant has, for the protection mail asks for on its envelope
     * @param journal    an address inside the organization that gets a decrypted copy of everything protected, or null
     * @param portalBase where the portal answers; wrapper links point below it
     */
    public MessageEncryptionFlow(ProtectionService protection, RuleEngine engine, List<FlowRule> rules,
                                 TemplateCatalog templates, BrandingTemplates branding, String journal, URI portalBase) {
        this.protection = protection;
        this.engine = engine;
        this.rules = List.copyOf(rules);
        this.templates = templates;
        this.branding = branding;
        this.journal = journal;
        this.portalBase = portalBase;
        this.audit = protection.audit();
        this.tenant = protection.tenant();
    }

    @Override
    public List<Envelope> apply(Envelope envelope) {
        if (envelope.kind() != Envelope.Kind.MESSAGE || !envelope.origin().equals(tenant.domain())) {
            return List.of(envelope);
        }
        if (envelope.protectWith() != null) {
            RightsTemplate asked = templates.find(envelope.protectWith()).orElse(RightsTemplate.ENCRYPT_ONLY);
            return protect(envelope, asked, branding.defaultTemplate());
        }
        MailFacts facts = MailFacts.of(envelope.content(), envelope.sender(), envelope.recipients());
        Evaluation evaluation = engine.evaluate(rules, facts);
        for (RuleMatch match : evaluation.matches()) {
            audit.record(AuditKind.RULE_MATCHED, "transport", envelope.messageId(), match.describe());
        }
        for (String note : evaluation.notes()) {
            audit.record(AuditKind.RULE_MATCHED, "transport", envelope.messageId(), "note: " + note);
        }
        if (evaluation.removeEncryption() && protection.isProtectedByThisTenant(envelope.content())) {
            return List.of(envelope.withContent(protection.removeEncryption(envelope.content())));
        }
        if (evaluation.protection() == null || facts.protectedByService()) {
            return List.of(envelope);
        }
        BrandingTemplate look = evaluation.branding() == null ? branding.defaultTemplate()
                : branding.find(evaluation.branding()).orElse(branding.defaultTemplate());
        return protect(envelope, evaluation.protection(), look);
    }

    private List<Envelope> protect(Envelope envelope, RightsTemplate template, BrandingTemplate look) {
        Protected sealed = protection.protect(envelope.content(), envelope.sender(), envelope.recipients(), template, look);
        // Inline readers (the organization's people, and Microsoft account holders in Outlook) get the
        // protected message; everyone else a wrapper whose link leads to the portal.
        List<String> inline = envelope.recipients().stream().filter(tenant::readsInline).toList();
        List<String> wrapped = envelope.recipients().stream().filter(recipient -> !tenant.readsInline(recipient)).toList();
        List<Envelope> copies = new ArrayList<>();
        if (!inline.isEmpty()) {
            copies.add(envelope.forRecipients(inline, sealed.protectedMime()));
        }
        if (!wrapped.isEmpty()) {
            copies.add(envelope.forRecipients(wrapped, WrapperMessage.build(envelope.content(), sealed, look, portalBase)));
        }
        if (journal != null) {
            copies.add(new Envelope(envelope.id() + "-journal", envelope.origin(), "journal@" + tenant.domain(), List.of(journal),
                    journalCopy(protection.decryptForCompliance(sealed.protectedMime())), envelope.messageId(),
                    Envelope.Kind.JOURNAL));
        }
        return copies;
    }

    private byte[] journalCopy(byte[] original) {
        String header = JOURNAL_HEADER + ": decrypted by the message encryption service of " + tenant.name() + "\r\n";
        byte[] prefix = header.getBytes(StandardCharsets.US_ASCII);
        byte[] copy = new byte[prefix.length + original.length];
        System.arraycopy(prefix, 0, copy, 0, prefix.length);
        System.arraycopy(original, 0, copy, prefix.length, original.length);
        return copy;
    }
}
