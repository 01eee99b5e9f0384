package org.envelopelab.scenario.script;

import org.envelopelab.mailnet.Addresses;
import org.envelopelab.service.branding.BrandingTemplate;
import org.envelopelab.service.branding.BrandingTemplates;
import org.envelopelab.service.rights.Right;
import org.envelopelab.service.rights.RightsTemplate;
import org.envelopelab.service.rules.FlowRule;
import org.envelopelab.service.rules.TemplateCatalog;
import org.envelopelab.service.tenant.AddOn;
import org.envelopelab.service.tenant.Feature;
import org.envelopelab.service.tenant.Plan;
import org.envelopelab.service.tenant.PlanException;
import org.envelopelab.service.tenant.Tenant;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.envelopelab.scenario.script.NodeReader.mustBe;

/**
 * Reads the {@code service} section: the organization's tenant of the message encryption service
 * with its plan, groups, rights and branding templates, keyword dictionaries, mail flow rules and
 * journal. Plan limits are checked here, so a script cannot use a feature its plan lacks.
 */
final class ServiceReader {

    static final List<String> KEYS = List.of("plan", "add-ons", "groups", "templates", "keywords", "branding", "rules",
            "journal");
    private static final List<String> TEMPLATE_KEYS = List.of("name", "rights");

    private final NodeReader reader;
    private final World world;
    private final Roster roster;
    private final Path baseDir;

    ServiceReader(NodeReader reader, World world, Path baseDir) {
        this.reader = reader;
        this.world = world;
        this.roster = new Roster(world, reader);
        this.baseDir = baseDir;
    }

    /** Whether the organization was read whole: a domain, and an address for every user. */
    private static boolean complete(World.Organization organization) {
        return organization.domain() != null && organization.users().stream()
                .allMatch(user -> user != null && user.address() != null);
    }

    Optional<ServiceConfig> read(Node node) {
        Optional<ScriptMapping> found = reader.mapping(node, mustBe("service", "a mapping"), "service", KEYS);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ScriptMapping service = found.get();
        int problemsBefore = reader.problems().count();
        Optional<Plan> plan = service.required("plan").flatMap(this::plan);
        Set<AddOn> addOns = service.optional("add-ons").map(this::addOns).orElse(Set.of());
        Map<String, List<String>> groups = service.optional("groups").map(this::groups).orElse(Map.of());
        World.Organization organization = world.organization();
        if (plan.isEmpty() || !complete(organization)) {
            return Optional.empty(); // the organization's own problems were reported where it is written
        }
        // Outlook.com-like providers are Microsoft account providers: their people read inline in Outlook.
        Set<String> microsoftAccounts = world.providers().stream().filter(provider -> provider.kind().equals("outlook"))
                .map(World.Provider::domain).collect(Collectors.toSet());
        Tenant tenant = new Tenant(organization.name(), organization.domain(),
                organization.users().stream().map(World.Person::address).collect(Collectors.toSet()), groups, plan.get(), addOns,
                microsoftAccounts);
        if (!tenant.allows(Feature.MESSAGE_ENCRYPTION)) {
            reader.report(service.optional("plan").orElseThrow(), planProblem(tenant, Feature.MESSAGE_ENCRYPTION));
        }
        List<RightsTemplate> templates = service.optional("templates").map(this::templates).orElse(List.of());
        TemplateCatalog catalog = catalog(templates, service);
        Map<String, List<String>> keywords = service.optional("keywords").map(this::keywords).orElse(Map.of());
        List<BrandingTemplate> branding = service.optional("branding")
                .map(value -> branding(value, tenant)).orElse(List.of());
        Set<String> brandingNames = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        brandingNames.add(BrandingTemplate.DEFAULT_NAME);
        branding.forEach(template -> brandingNames.add(template.name()));
        List<FlowRule> rules = service.optional("rules")
                .map(value -> new RuleReader(reader, roster, catalog, keywords, brandingNames, tenant).read(value))
                .orElse(List.of());
        String journal = service.optional("journal").flatMap(this::journal).orElse(null);
        if (reader.problems().count() > problemsBefore) {
            return Optional.empty();
        }
        return Optional.of(new ServiceConfig(tenant, templates, branding, rules, journal));
    }

    static String planProblem(Tenant tenant, Feature feature) {
        try {
            tenant.require(feature);
            return "";
        } catch (PlanException e) {
            return e.getMessage();
        }
    }

    private Optional<Plan> plan(Node node) {
        return reader.text(node, "plan").flatMap(label -> {
            try {
                return Optional.of(Plan.ofLabel(label));
            } catch (IllegalArgumentException e) {
                reader.report(node, e.getMessage());
                return Optional.empty();
            }
        });
    }

    private Set<AddOn> addOns(Node node) {
        Set<AddOn> addOns = EnumSet.noneOf(AddOn.class);
        reader.oneOrMany(node, mustBe("add-ons", "an add-on or a list of them")).ifPresent(entries -> {
            for (ScalarNode entry : entries) {
                try {
                    addOns.add(AddOn.ofLabel(entry.getValue()));
                } catch (IllegalArgumentException e) {
                    reader.report(entry, e.getMessage());
                }
            }
        });
        return addOns;
    }

    /** Group name to members; members are the organization's people. */
    private Map<String, List<String>> groups(Node node) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        reader.mapping(node, mustBe("groups", "a mapping of group names to people"), "groups", null).ifPresent(mapping -> {
            for (ScriptMapping.Entry entry : mapping.entries()) {
                List<String> members = new ArrayList<>();
                reader.oneOrMany(entry.value(), mustBe(entry.key(), "a person or a list of people")).ifPresent(people -> {
                    for (ScalarNode person : people) {
                        roster.personAddress(person.getValue(), person).ifPresent(members::add);
                    }
                });
                groups.put(entry.key(), members);
            }
        });
        return groups;
    }

    private List<RightsTemplate> templates(Node node) {
        List<RightsTemplate> templates = new ArrayList<>();
        reader.list(node, mustBe("templates", "a list of rights templates")).ifPresent(items -> {
            for (Node item : items) {
                reader.mapping(item, "each template must be a mapping with 'name' and 'rights'", "template", TEMPLATE_KEYS)
                        .flatMap(this::template).ifPresent(templates::add);
            }
        });
        return templates;
    }

    private Optional<RightsTemplate> template(ScriptMapping template) {
        Optional<String> name = template.requiredText("name");
        Set<Right> rights = EnumSet.noneOf(Right.class);
        template.required("rights").flatMap(node -> reader.oneOrMany(node, mustBe("rights", "a right or a list of rights")))
                .ifPresent(entries -> {
                    for (ScalarNode entry : entries) {
                        try {
                            rights.add(Right.ofLabel(entry.getValue()));
                        } catch (IllegalArgumentException e) {
                            reader.report(entry, e.getMessage());
                        }
                    }
                });
        if (name.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RightsTemplate(name.get(), rights));
        } catch (IllegalArgumentException e) {
            reader.problems().report(template.line(), e.getMessage());
            return Optional.empty();
        }
    }

    private TemplateCatalog catalog(List<RightsTemplate> templates, ScriptMapping service) {
        try {
            return new TemplateCatalog(templates);
        } catch (IllegalArgumentException e) {
            reader.report(service.optional("templates").orElseThrow(), e.getMessage());
            return new TemplateCatalog(List.of());
        }
    }

    private Map<String, List<String>> keywords(Node node) {
        Map<String, List<String>> dictionaries = new LinkedHashMap<>();
        reader.mapping(node, mustBe("keywords", "a mapping of dictionary names to words"), "keywords", null).ifPresent(mapping -> {
            for (ScriptMapping.Entry entry : mapping.entries()) {
                reader.oneOrMany(entry.value(), mustBe(entry.key(), "a word or a list of words")).ifPresent(words ->
                        dictionaries.put(entry.key(), words.stream().map(ScalarNode::getValue).toList()));
            }
        });
        return dictionaries;
    }

    /** Branding templates, checked against the limits and the plan the way the service would check them. */
    private List<BrandingTemplate> branding(Node node, Tenant tenant) {
        List<BrandingTemplate> templates = new ArrayList<>();
        BrandingTemplates registry = new BrandingTemplates(tenant);
        reader.list(node, mustBe("branding", "a list of branding templates")).ifPresent(items -> {
            for (Node item : items) {
                new BrandingReader(reader, baseDir).read(item).ifPresent(template -> {
                    try {
                        if (template.name().equalsIgnoreCase(BrandingTemplate.DEFAULT_NAME)) {
                            registry.replaceDefault(template);
                        } else {
                            registry.add(template);
                        }
                        templates.add(template);
                    } catch (PlanException | IllegalArgumentException e) {
                        reader.report(item, e.getMessage());
                    }
                });
            }
        });
        return templates;
    }

    private Optional<String> journal(Node node) {
        return reader.text(node, "journal").flatMap(reference -> roster.personAddress(reference, node)).flatMap(address -> {
            if (!Addresses.domainOf(address).equals(world.organization().domain())) {
                reader.report(node, "the journal mailbox must be in the organization (" + world.organization().domain() + ")");
                return Optional.empty();
            }
            return Optional.of(address);
        });
    }

    /** Whether a rule or step may use this action on the tenant's plan; reports at {@code at} when not. */
    static boolean allowed(NodeReader reader, Tenant tenant, Feature feature, Node at) {
        String problem = planProblem(tenant, feature);
        if (!problem.isEmpty()) {
            reader.report(at, problem);
            return false;
        }
        return true;
    }
}
