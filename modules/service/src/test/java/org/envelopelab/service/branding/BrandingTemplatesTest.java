package org.envelopelab.service.branding;

import org.envelopelab.service.tenant.AddOn;
import org.envelopelab.service.tenant.Plan;
import org.envelopelab.service.tenant.PlanException;
import org.envelopelab.service.tenant.Tenant;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrandingTemplatesTest {

    private static final Tenant E3 = tenant(Plan.OFFICE_365_E3, Set.of());
    private static final Tenant E5 = tenant(Plan.OFFICE_365_E5, Set.of());
    private static final Tenant E3_WITH_ADVANCED = tenant(Plan.OFFICE_365_E3, Set.of(AddOn.ADVANCED_MESSAGE_ENCRYPTION));

    private static Tenant tenant(Plan plan, Set<AddOn> addOns) {
        return new Tenant("Contoso Bank", "contoso.example", Set.of(), Map.of(), plan, addOns);
    }

    @Test
    void everyTenantStartsWithTheDefaultTemplate() {
        BrandingTemplates templates = new BrandingTemplates(E3);

        assertThat(templates.defaultTemplate()).isEqualTo(BrandingTemplate.defaults());
        assertThat(templates.find("ome configuration")).contains(templates.defaultTemplate());
        assertThat(templates.all()).extracting(BrandingTemplate::name).containsExactly("OME Configuration");
    }

    @Test
    void theDefaultCanBeChangedButNotRemovedOrRenamed() {
        BrandingTemplates templates = new BrandingTemplates(E3);
        BrandingTemplate changed = Branding.named(BrandingTemplate.DEFAULT_NAME).template();

        templates.replaceDefault(changed);

        assertThat(templates.defaultTemplate()).isSameAs(changed);
        assertThatThrownBy(() -> templates.remove("OME Configuration"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the default branding template can be changed but not removed");
        assertThatThrownBy(() -> templates.replaceDefault(Branding.named("Contoso Bank").template()))
                .hasMessage("the default branding template keeps its name 'OME Configuration'; to use the name 'Contoso Bank',"
                        + " add a template of that name");
    }

    @Test
    void aSecondTemplateNeedsAPlanThatAllowsSeveral() {
        BrandingTemplates templates = new BrandingTemplates(E3);

        assertThatThrownBy(() -> templates.add(Branding.named("Contoso Bank").template()))
                .isInstanceOf(PlanException.class)
                .hasMessage("More than one branding template needs an E5 plan (Office 365 or Microsoft 365 E5, A5, G5) or the"
                        + " Advanced Message Encryption add-on; Contoso Bank has Office 365 E3");
        assertThat(templates.all()).hasSize(1);
    }

    @Test
    void onAnAdvancedPlanTemplatesCanBeAddedFoundAndRemoved() {
        for (Tenant tenant : List.of(E5, E3_WITH_ADVANCED)) {
            BrandingTemplates templates = new BrandingTemplates(tenant);
            BrandingTemplate bank = Branding.named("Contoso Bank").template();

            templates.add(bank);
            templates.add(Branding.named("Contoso Legal").template());

            assertThat(templates.find("CONTOSO BANK")).containsSame(bank);
            assertThat(templates.all()).extracting(BrandingTemplate::name)
                    .containsExactly("OME Configuration", "Contoso Bank", "Contoso Legal");
            templates.remove("contoso bank");
            assertThat(templates.find("Contoso Bank")).isEmpty();
        }
    }

    @Test
    void namesAreUniqueWhateverTheirCase() {
        BrandingTemplates templates = new BrandingTemplates(E5);
        templates.add(Branding.named("Contoso Bank").template());

        assertThatThrownBy(() -> templates.add(Branding.named("CONTOSO BANK").template()))
                .hasMessage("there is already a branding template called 'Contoso Bank' (names are not case-sensitive)");
        assertThatThrownBy(() -> templates.add(Branding.named("ome configuration").template()))
                .hasMessage("there is already a branding template called 'OME Configuration' (names are not case-sensitive)");
    }

    @Test
    void anInvalidTemplateIsRefusedWithAllItsProblems() {
        BrandingTemplates templates = new BrandingTemplates(E5);
        Branding broken = Branding.named("Contoso Bank");
        broken.backgroundColor = "navvy";
        broken.portalText = "p".repeat(129);

        assertThatThrownBy(() -> templates.add(broken.template()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the background colour 'navvy' is not a colour written #RRGGBB or a colour name such as teal;"
                        + " the portal text is 129 characters long;"
                        + " the limit is 128");
        Branding brokenDefault = Branding.named(BrandingTemplate.DEFAULT_NAME);
        brokenDefault.otpEnabled = false;
        brokenDefault.socialSignInEnabled = false;
        assertThatThrownBy(() -> templates.replaceDefault(brokenDefault.template()))
                .hasMessageContaining("could not sign in");
        assertThat(templates.defaultTemplate()).isEqualTo(BrandingTemplate.defaults());
    }

    @Test
    void expiryNeedsTheAdvancedPlanWhenAddingOrChanging() {
        Branding expiring = Branding.named(BrandingTemplate.DEFAULT_NAME);
        expiring.externalExpiryDays = 30;

        assertThatThrownBy(() -> new BrandingTemplates(E3).replaceDefault(expiring.template()))
                .isInstanceOf(PlanException.class)
                .hasMessage("Expiry of mail to outside recipients needs an E5 plan (Office 365 or Microsoft 365 E5, A5, G5) or the"
                        + " Advanced Message Encryption add-on; Contoso Bank has Office 365 E3");
        BrandingTemplates advanced = new BrandingTemplates(E3_WITH_ADVANCED);
        advanced.replaceDefault(expiring.template());
        assertThat(advanced.defaultTemplate().externalExpiryDays()).isEqualTo(30);
    }

    @Test
    void otherTemplatesCanBeChangedAndUnknownOnesAreNamedInTheError() {
        BrandingTemplates templates = new BrandingTemplates(E5);
        templates.add(Branding.named("Contoso Bank").template());
        Branding red = Branding.named("contoso bank");
        red.backgroundColor = "#FF0000";

        templates.replace(red.template());

        assertThat(templates.find("Contoso Bank")).get().extracting(BrandingTemplate::backgroundColor).isEqualTo("#FF0000");
        assertThatThrownBy(() -> templates.replace(Branding.named("Fabrikam").template()))
                .hasMessage("there is no branding template called 'Fabrikam' to change (templates: OME Configuration, contoso bank)");
        assertThatThrownBy(() -> templates.remove("Fabrikam"))
                .hasMessage("there is no branding template called 'Fabrikam' (templates: OME Configuration, contoso bank)");
    }
}
