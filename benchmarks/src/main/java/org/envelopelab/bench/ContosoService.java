package org.envelopelab.bench;

import org.envelopelab.service.audit.AuditLog;
import org.envelopelab.service.branding.BrandingTemplate;
import org.envelopelab.service.protection.ProtectionService;
import org.envelopelab.service.rights.RightsTemplate;
import org.envelopelab.service.rules.ApplyProtection;
import org.envelopelab.service.rules.ContainsSensitiveInfo;
import org.envelopelab.service.rules.FlowRule;
import org.envelopelab.service.rules.RuleEngine;
import org.envelopelab.service.rules.Scope;
import org.envelopelab.service.rules.SentTo;
import org.envelopelab.service.rules.sensitive.SensitiveInfoType;
import org.envelopelab.service.tenant.Plan;
import org.envelopelab.service.tenant.Tenant;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Contoso Bank's message encryption service as the benchmarks use it: an Office 365 E5 tenant,
 * the service with its own keys, and one mail flow rule — card numbers sent outside are
 * protected with Encrypt-Only — as an administrator would write it.
 */
public final class ContosoService {

    public static final String DOMAIN = "contoso-bank.example";
    public static final URI PORTAL = URI.create("http://127.0.0.1:9/portal");
    public static final List<FlowRule> RULES = List.of(new FlowRule("Protect card data sent outside",
            List.of(new SentTo(Scope.OUTSIDE), new ContainsSensitiveInfo(List.of(SensitiveInfoType.CREDIT_CARD_NUMBER), 1)),
            List.of(), List.of(new ApplyProtection(RightsTemplate.ENCRYPT_ONLY)), false));

    private ContosoService() {
    }

    public static Tenant tenant() {
        return new Tenant("Contoso Bank", DOMAIN, Set.of(SampleMail.FROM, "bob@contoso-bank.example", "journal@contoso-bank.example"),
                Map.of(), Plan.OFFICE_365_E5, Set.of());
    }

    /** A fresh service: new keys, an empty store and audit log. */
    public static ProtectionService service(Tenant tenant) {
        Clock clock = Clock.systemUTC();
        return new ProtectionService(tenant, clock, new SecureRandom(), new AuditLog(clock));
    }

    public static RuleEngine rules(Tenant tenant) {
        return new RuleEngine(tenant);
    }

    public static BrandingTemplate branding() {
        return BrandingTemplate.defaults();
    }

    /** Carol first, then customers at Gmail: {@code count} outside recipients. */
    public static List<String> outsideRecipients(int count) {
        List<String> recipients = new ArrayList<>();
        recipients.add(SampleMail.TO);
        for (int i = 2; i <= count; i++) {
            recipients.add("customer" + i + "@gmail.example");
        }
        return List.copyOf(recipients);
    }
}
