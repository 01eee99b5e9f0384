package org.envelopelab.scenario.script;

import org.envelopelab.service.rights.RightsTemplate;
import org.envelopelab.service.rules.Action;
import org.envelopelab.service.rules.ApplyBranding;
import org.envelopelab.service.rules.ApplyProtection;
import org.envelopelab.service.rules.BodyContains;
import org.envelopelab.service.rules.BodyMatches;
import org.envelopelab.service.rules.Condition;
import org.envelopelab.service.rules.ContainsSensitiveInfo;
import org.envelopelab.service.rules.FlowRule;
import org.envelopelab.service.rules.HasAttachment;
import org.envelopelab.service.rules.RecipientDomainIs;
import org.envelopelab.service.rules.RecipientIs;
import org.envelopelab.service.rules.RemoveEncryption;
import org.envelopelab.service.rules.Scope;
import org.envelopelab.service.rules.SenderDomainIs;
import org.envelopelab.service.rules.SenderInGroup;
import org.envelopelab.service.rules.SenderIs;
import org.envelopelab.service.rules.SentTo;
import org.envelopelab.service.rules.SubjectContains;
import org.envelopelab.service.rules.SubjectMatches;
import org.envelopelab.service.rules.SubjectOrBodyContains;
import org.envelopelab.service.rules.TemplateCatalog;
import org.envelopelab.service.rules.sensitive.SensitiveInfoType;
import org.envelopelab.service.tenant.Feature;
import org.envelopelab.service.tenant.Tenant;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import static org.envelopelab.scenario.script.NodeReader.mustBe;

/**
 * Reads mail flow rules, written the way an administrator thinks of them:
 * <pre>
 * - name: Protect card data sent outside
 *   if:     { sent-to: outside, contains: credit-card-number }
 *   unless: { subject-contains: newsletter }
 *   then:   { protect: encrypt-only, branding: Contoso Bank }
 *   stop: true
 * </pre>
 */
final class RuleReader {

    static final List<String> RULE_KEYS = List.of("name", "if", "unless", "then", "stop");
    static final List<String> CONDITION_KEYS = List.of("sent-to", "recipient", "recipient-domain", "sender", "sender-domain",
            "sender-in-group", "subject-contains", "subject-matches", "body-contains", "body-matches",
            "subject-or-body-contains", "contains", "has-attachment");
    static final List<String> ACTION_KEYS = List.of("protect", "branding", "remove-encryption");
    private static final List<String> BUILT_IN_TYPES = List.of("credit-card-number", "us-ssn", "aba-routing-number");

    private final NodeReader reader;
    private final Roster roster;
    private final TemplateCatalog templates;
    private final Map<String, List<String>> keywords;
    private final Set<String> branding;
    private final Tenant tenant;

    RuleReader(NodeReader reader, Roster roster, TemplateCatalog templates, Map<String, List<String>> keywords,
               Set<String> branding, Tenant tenant) {
        this.reader = reader;
        this.roster = roster;
        this.templates = templates;
        this.keywords = keywords;
        this.branding = branding;
        this.tenant = tenant;
    }

    List<FlowRule> read(Node node) {
        List<FlowRule> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        reader.list(node, mustBe("rules", "a list of mail flow rules")).ifPresent(items -> {
            for (Node item : items) {
                reader.mapping(item, "each rule must be a mapping with 'name', 'if', 'then'", "rule", RULE_KEYS)
                        .flatMap(this::rule)
                        .ifPresent(rule -> {
                            if (!names.add(rule.name().toLowerCase(java.util.Locale.ROOT))) {
                                reader.report(item, "two rules are named '" + rule.name() + "'");
                            } else {
                                rules.add(rule);
                            }
                        });
            }
        });
        return rules;
    }

    private Optional<FlowRule> rule(ScriptMapping rule) {
        int problemsBefore = reader.problems().count();
        String name = rule.requiredText("name").orElse("");
        List<Condition> conditions = rule.optional("if").map(node -> conditions(node, "if")).orElse(List.of());
        List<Condition> exceptions = rule.optional("unless").map(node -> conditions(node, "unless")).orElse(List.of());
        List<Action> actions = rule.optional("then").map(this::actions).orElse(List.of());
        boolean stop = rule.optional("stop").flatMap(node -> reader.bool(node, "stop")).orElse(false);
        if (reader.problems().count() > problemsBefore) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FlowRule(name, conditions, exceptions, actions, stop));
        } catch (IllegalArgumentException e) {
            reader.problems().report(rule.line(), e.getMessage());
            return Optional.empty();
        }
    }

    private List<Condition> conditions(Node node, String key) {
        List<Condition> conditions = new ArrayList<>();
        reader.mapping(node, mustBe(key, "a mapping of conditions"), key, CONDITION_KEYS).ifPresent(mapping -> {
            for (ScriptMapping.Entry entry : mapping.entries()) {
                int problemsBefore = reader.problems().count();
                try {
                    condition(entry).ifPresent(conditions::add);
                } catch (IllegalArgumentException e) {
                    if (reader.problems().count() == problemsBefore) {
                        reader.report(entry.value(), e.getMessage());
                    }
                }
            }
        });
        return conditions;
    }

    private Optional<Condition> condition(ScriptMapping.Entry entry) {
        Node value = entry.value();
        return switch (entry.key()) {
            case "sent-to" -> reader.text(value, "sent-to").flatMap(scope -> {
                if (!scope.equals("inside") && !scope.equals("outside")) {
                    reader.report(value, mustBe("sent-to", "'inside' or 'outside' (the organization)"));
                    return Optional.empty();
                }
                return Optional.of(new SentTo(scope.equals("inside") ? Scope.INSIDE : Scope.OUTSIDE));
            });
            case "recipient" -> addresses(value, "recipient").map(RecipientIs::new);
            case "sender" -> addresses(value, "sender").map(SenderIs::new);
            case "recipient-domain" -> words(value, "recipient-domain").map(RecipientDomainIs::new);
            case "sender-domain" -> words(value, "sender-domain").map(SenderDomainIs::new);
            case "sender-in-group" -> reader.text(value, "sender-in-group").flatMap(group -> {
                if (!tenant.groups().containsKey(group)) {
                    reader.report(value, "unknown group '" + group + "' (groups: " + String.join(", ", tenant.groups().keySet()) + ")");
                    return Optional.empty();
                }
                return Optional.of(new SenderInGroup(group));
            });
            case "subject-contains" -> words(value, "subject-contains").map(SubjectContains::new);
            case "body-contains" -> words(value, "body-contains").map(BodyContains::new);
            case "subject-or-body-contains" -> words(value, "subject-or-body-contains").map(SubjectOrBodyContains::new);
            case "subject-matches" -> pattern(value, "subject-matches").map(SubjectMatches::new);
            case "body-matches" -> pattern(value, "body-matches").map(BodyMatches::new);
            case "contains" -> sensitive(value).map(ContainsSensitiveInfo::new);
            case "has-attachment" -> reader.bool(value, "has-attachment").flatMap(yes -> {
                if (!yes) {
                    reader.report(value, "'has-attachment' can only be true (leave it out otherwise)");
                    return Optional.empty();
                }
                return Optional.of(new HasAttachment());
            });
            default -> Optional.empty();
        };
    }

    private Optional<List<String>> addresses(Node value, String key) {
        return reader.oneOrMany(value, mustBe(key, "a person, an address or a list of them")).map(entries -> {
            List<String> addresses = new ArrayList<>();
            entries.forEach(entry -> roster.anyAddress(entry.getValue(), entry).ifPresent(addresses::add));
            return addresses;
        });
    }

    private Optional<List<String>> words(Node value, String key) {
        return reader.oneOrMany(value, mustBe(key, "a word or a list of words"))
                .map(entries -> entries.stream().map(ScalarNode::getValue).toList());
    }

    private Optional<String> pattern(Node value, String key) {
        return reader.text(value, key).flatMap(regex -> {
            try {
                Pattern.compile(regex);
                return Optional.of(regex);
            } catch (PatternSyntaxException e) {
                reader.report(value, "'" + key + "' is not a valid pattern: " + e.getDescription());
                return Optional.empty();
            }
        });
    }

    private Optional<List<SensitiveInfoType>> sensitive(Node value) {
        return reader.oneOrMany(value, mustBe("contains", "a sensitive information type or a list of them")).map(entries -> {
            List<SensitiveInfoType> types = new ArrayList<>();
            for (ScalarNode entry : entries) {
                String label = entry.getValue().strip();
                if (BUILT_IN_TYPES.contains(label)) {
                    types.add(SensitiveInfoType.ofLabel(label));
                } else if (keywords.containsKey(label)) {
                    types.add(SensitiveInfoType.keywords(label, keywords.get(label)));
                } else {
                    List<String> known = new ArrayList<>(BUILT_IN_TYPES);
                    known.addAll(keywords.keySet());
                    reader.report(entry, Spelling.unknown("unknown sensitive information type '" + label + "'", label, known,
                            Spelling.listing("types", known) + "; keyword dictionaries are declared under 'keywords'"));
                }
            }
            return types;
        });
    }

    private List<Action> actions(Node node) {
        List<Action> actions = new ArrayList<>();
        reader.mapping(node, mustBe("then", "a mapping of actions"), "then", ACTION_KEYS).ifPresent(mapping -> {
            for (ScriptMapping.Entry entry : mapping.entries()) {
                switch (entry.key()) {
                    case "protect" -> reader.text(entry.value(), "protect").flatMap(name -> template(name, entry.value()))
                            .filter(template -> ServiceReader.allowed(reader, tenant, Feature.MESSAGE_ENCRYPTION, entry.value()))
                            .ifPresent(template -> actions.add(new ApplyProtection(template)));
                    case "branding" -> reader.text(entry.value(), "branding").ifPresent(name -> {
                        if (!branding.contains(name)) {
                            reader.report(entry.value(), "unknown branding template '" + name + "' (templates: "
                                    + String.join(", ", branding) + ")");
                        } else {
                            actions.add(new ApplyBranding(name));
                        }
                    });
                    case "remove-encryption" -> reader.bool(entry.value(), "remove-encryption").ifPresent(yes -> {
                        if (yes) {
                            actions.add(new RemoveEncryption());
                        }
                    });
                    default -> {
                    }
                }
            }
        });
        return actions;
    }

    private Optional<RightsTemplate> template(String name, Node at) {
        Optional<RightsTemplate> template = templates.find(name);
        if (template.isEmpty()) {
            List<String> known = templates.all().stream().map(RightsTemplate::name).toList();
            // Scripts usually write templates as do-not-forward: suggest in that form.
            List<String> written = known.stream().map(label -> label.toLowerCase(Locale.ROOT).replace(" ", "-")).toList();
            reader.report(at, Spelling.unknown("unknown rights template '" + name + "'", name, written,
                    "templates: " + String.join(", ", known)));
        }
        return template;
    }
}
