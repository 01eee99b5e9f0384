package org.envelopelab.service.protection;

import org.envelopelab.service.audit.AuditLog;
import org.envelopelab.service.branding.BrandingTemplate;
import org.envelopelab.service.tenant.AddOn;
import org.envelopelab.service.tenant.Plan;
import org.envelopelab.service.tenant.Tenant;
import org.envelopelab.testkit.MovableClock;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The tenants, people and services the tests share: Contoso Bank, its customers, and a second tenant. */
public final class Lab {

    public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    public static final String ALICE = "alice@contoso-bank.example";
    public static final String BOB = "bob@contoso-bank.example";
    /** An administrator: a member of the admins group. */
    public static final String DANA = "dana@contoso-bank.example";
    public static final String CAROL = "carol@gmail.example";
    public static final String ERIN = "erin@yahoo.example";
    public static final String EVE = "eve@gmail.example";
    /** Alice's statement goes to Carol, with Bob on copy. */
    public static final List<String> STATEMENT_RECIPIENTS = List.of(CAROL, BOB);

    private Lab() {
    }

    /** Contoso Bank on Office 365 E5: encryption with revocation and expiry. */
    public static Tenant contoso() {
        return contoso(Plan.OFFICE_365_E5);
    }

    public static Tenant contoso(Plan plan) {
        return new Tenant("Contoso Bank", "contoso-bank.example", Set.of(ALICE, BOB, DANA),
                Map.of(ProtectionService.ADMINISTRATORS, List.of(DANA)), plan, Set.<AddOn>of());
    }

    public static Tenant fabrikam() {
        return new Tenant("Fabrikam", "fabrikam.example", Set.of("frank@fabrikam.example"), Map.of(), Plan.OFFICE_365_E5,
                Set.<AddOn>of());
    }

    public static ProtectionService service(Tenant tenant, MovableClock clock) {
        return new ProtectionService(tenant, clock, repeatableRandom(), new AuditLog(clock));
    }

    /**
     * SHA1PRNG seeded before first use gives the same sequence on every run, so a test that depends
     * on two passcodes differing either always passes or always fails.
     */
    public static SecureRandom repeatableRandom() {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(20260302L);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static BrandingTemplate branding() {
        return BrandingTemplate.defaults();
    }

    /** The default branding with outside access ending after the given days. */
    public static BrandingTemplate expiringAfter(int days) {
        BrandingTemplate d = BrandingTemplate.defaults();
        return new BrandingTemplate(d.name(), d.logo(), d.logoType(), d.backgroundColor(), d.emailText(),
                d.introductionText(), d.readButtonText(), d.disclaimerText(), d.portalText(), d.otpEnabled(),
                d.socialSignInEnabled(), days, d.privacyStatementUrl());
    }
}
