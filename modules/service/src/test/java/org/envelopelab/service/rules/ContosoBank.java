package org.envelopelab.service.rules;

import org.envelopelab.service.tenant.Plan;
import org.envelopelab.service.tenant.Tenant;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The tenant of the rule tests: a bank at contoso.example whose card-services team sends statements. */
final class ContosoBank {

    static final String ALICE = "alice@contoso.example";
    static final String BOB = "bob@contoso.example";
    static final String CAROL = "carol@gmail.example";
    static final String DAN = "dan@yahoo.example";

    static final Tenant TENANT = new Tenant("Contoso Bank", "contoso.example", Set.of(ALICE, BOB),
            Map.of("card-services", List.of(ALICE)), Plan.OFFICE_365_E3, Set.of());

    private ContosoBank() {
    }
}
