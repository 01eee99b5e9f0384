package org.envelopelab.knowledge.proof;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.envelopelab.knowledge.bank.Matches;
import org.envelopelab.scenario.script.DeliveryPath;
import org.envelopelab.scenario.script.Scenario;
import org.envelopelab.scenario.script.Step;
import org.envelopelab.scenario.script.World;
import org.envelopelab.service.tenant.AddOn;
import org.envelopelab.service.tenant.Feature;
import org.envelopelab.service.tenant.Plan;

/**
 * Reads a claim and checks everything it names exists: the scenario and its path, the message,
 * the party, the secret labels, the plan, the benchmark. The grammar is in
 * {@code knowledge/README.md}; a claim that does not parse gets one sentence saying why.
 */
public final class ClaimParser {

    /** A claim that did not parse, with the sentence why. */
    public static final class Unreadable extends Exception {
        public Unreadable(String message) {
            super(message);
        }
    }

    private static final Pattern PLAN = Pattern.compile("^plan (\\S+)(?: with (.+?))? (gives|lacks) (.+)$");
    private static final Pattern IN = Pattern.compile("^in ([^:]+): (.+)$");
    private static final Pattern RUN = Pattern.compile("^([A-Za-z0-9_-]+)(?:, path (\\S+))?$");
    private static final Pattern EFAIL = Pattern.compile("^(cbc|gcm) (leaks the plaintext|rejects the altered message)$");
    private static final Pattern FASTER = Pattern.compile("^(.+?) is faster than (.+?)(?: by at least ([0-9]+(?:\\.[0-9]+)?)x)?$");
    private static final Pattern SAYS = Pattern.compile("^the transcript says \"(.+)\"$");
    private static final Pattern SERVICE_LOG = Pattern.compile("^the service log of (\\S+) says \"(.+)\"$");
    private static final Pattern COST = Pattern.compile("^\"(.+?)\" says \"(.+)\"$");
    private static final Pattern DELIVERED = Pattern.compile("^(\\S+) is delivered to (\\S+)$");
    private static final Pattern BOUNCES = Pattern.compile("^(\\S+) bounces for (\\S+)$");
    private static final Pattern REFUSED = Pattern.compile("^(.+?) is refused (\\S+)(?: with \"(.+)\")?$");
    private static final Pattern READS = Pattern.compile("^(.+?) (can|cannot) read (.+) of (\\S+)$");
    private static final Pattern ENCRYPTED = Pattern.compile("^(.+?) holds (\\S+) encrypted$");
    private static final Pattern WRAPPER = Pattern.compile("^(.+?) holds only the wrapper of (\\S+)$");
    private static final Pattern NEVER = Pattern.compile("^(.+?) never holds (\\S+)$");
    private static final Set<String> PARTS = Set.of("headers", "body", "attachments");

    static final String FORMS = "claims read 'in <scenario>[, path plain|smime|service]: <fact>', 'in efail: ...',"
            + " 'in benchmarks <jdk>: ...' or 'plan <plan> gives|lacks <feature>' (see knowledge/README.md)";

    private final Catalog catalog;
    private final Benchmarks benchmarks;

    public ClaimParser(Catalog catalog) {
        this.catalog = catalog;
        this.benchmarks = new Benchmarks(catalog.benchmarks());
    }

    public Benchmarks benchmarks() {
        return benchmarks;
    }

    public Claim parse(String written) throws Unreadable {
        String text = written.strip().replaceAll("\\s+", " ");
        Matcher plan = PLAN.matcher(text);
        if (plan.matches()) {
            return plan(text, plan);
        }
        Matcher in = IN.matcher(text);
        if (!in.matches()) {
            throw new Unreadable("cannot read the claim '" + text + "': " + FORMS);
        }
        String context = in.group(1).strip();
        String fact = in.group(2).strip();
        if (context.equals("efail")) {
            Matcher efail = EFAIL.matcher(fact);
            if (!efail.matches()) {
                throw new Unreadable("an EFAIL claim reads 'in efail: cbc|gcm leaks the plaintext|rejects the altered message'");
            }
            return new Claim.Efail(text, efail.group(1), efail.group(2).startsWith("leaks"));
        }
        if (context.startsWith("benchmarks")) {
            return faster(text, context.substring("benchmarks".length()).strip(), fact);
        }
        Matcher run = RUN.matcher(context);
        if (!run.matches()) {
            throw new Unreadable("cannot read '" + context + "' as a run: write '<scenario>' or '<scenario>, path plain|smime|service'");
        }
        Scenario scenario = catalog.scenario(run.group(1)).orElseThrow(() -> new Unreadable(catalog.problem(run.group(1))));
        DeliveryPath path = null;
        if (run.group(2) != null) {
            path = DeliveryPath.of(run.group(2)).orElseThrow(() -> new Unreadable("unknown path '" + run.group(2)
                    + "' (paths: plain, smime, service)"));
            if (!scenario.paths().contains(path)) {
                throw new Unreadable("scenario '" + run.group(1) + "' is not compared on path " + path.key()
                        + " (its paths: " + String.join(", ", scenario.paths().stream().map(DeliveryPath::key).toList()) + ")");
            }
        }
        return fact(text, new Claim.Run(run.group(1), path), scenario, fact);
    }

    private Claim fact(String text, Claim.Run run, Scenario scenario, String fact) throws Unreadable {
        Matcher m;
        if ((m = SAYS.matcher(fact)).matches()) {
            return new Claim.Says(text, run, m.group(1));
        }
        if ((m = SERVICE_LOG.matcher(fact)).matches()) {
            return new Claim.ServiceLog(text, run, message(scenario, m.group(1)), m.group(2));
        }
        if ((m = COST.matcher(fact)).matches()) {
            if (run.path() == null) {
                throw new Unreadable("a cost claim names the path whose cost it reads: 'in " + run.scenario()
                        + ", path smime: \"" + m.group(1) + "\" says ...'");
            }
            return new Claim.Cost(text, run, m.group(1), m.group(2));
        }
        if ((m = DELIVERED.matcher(fact)).matches() || (m = BOUNCES.matcher(fact)).matches()) {
            return new Claim.Delivery(text, run, message(scenario, m.group(1)), anyAddress(scenario, m.group(2)),
                    fact.contains(" is delivered to "));
        }
        if ((m = READS.matcher(fact)).matches()) {
            String message = message(scenario, m.group(4));
            return new Claim.Reads(text, run, party(scenario, m.group(1)), m.group(2).equals("can"),
                    items(scenario, message, m.group(3)), message);
        }
        if ((m = ENCRYPTED.matcher(fact)).matches()) {
            return new Claim.Holds(text, run, party(scenario, m.group(1)), Matches.ENCRYPTED, message(scenario, m.group(2)));
        }
        if ((m = WRAPPER.matcher(fact)).matches()) {
            return new Claim.Holds(text, run, party(scenario, m.group(1)), Matches.WRAPPER, message(scenario, m.group(2)));
        }
        if ((m = NEVER.matcher(fact)).matches()) {
            return new Claim.Holds(text, run, party(scenario, m.group(1)), Matches.NEVER, message(scenario, m.group(2)));
        }
        if ((m = REFUSED.matcher(fact)).matches()) {
            return new Claim.Refused(text, run, party(scenario, m.group(1)), message(scenario, m.group(2)),
                    m.group(3) == null ? "" : m.group(3));
        }
        throw new Unreadable("cannot read the fact '" + fact + "': facts are '<party> can|cannot read <items> of <message>',"
                + " '<party> holds <message> encrypted', '<party> holds only the wrapper of <message>',"
                + " '<party> never holds <message>', '<party> is refused <message> [with \"<text>\"]',"
                + " '<message> is delivered to|bounces for <person>', 'the transcript says \"<text>\"',"
                + " 'the service log of <message> says \"<text>\"', '\"<cost>\" says \"<text>\"'");
    }

    /**
     * A matching question's pair as a claim: the phrase the lab must find for the party, in the run
     * and message its {@code about: in <scenario>[, path <path>]: <message>} line names.
     */
    public Claim.Holds pair(String about, String party, String phrase) throws Unreadable {
        Matcher in = IN.matcher(about.strip().replaceAll("\\s+", " "));
        Matcher run = in.matches() ? RUN.matcher(in.group(1).strip()) : null;
        if (run == null || !run.matches()) {
            throw new Unreadable("cannot read 'about: " + about + "': write 'about: in <scenario>[, path <path>]: <message>'");
        }
        Claim probe = parse("in " + in.group(1).strip() + ": " + party + " never holds " + in.group(2).strip());
        Claim.Holds never = (Claim.Holds) probe;
        return new Claim.Holds(party + " -> " + phrase, never.run(), never.party(), phrase, never.message());
    }

    private static String message(Scenario scenario, String id) throws Unreadable {
        Set<String> ids = Catalog.messageIds(scenario);
        if (!ids.contains(id)) {
            throw new Unreadable("unknown message '" + id + "' in scenario '" + named(scenario) + "' (messages: " + String.join(", ", ids) + ")");
        }
        return id;
    }

    /** A scenario's name, as claims write it: its file name without .yaml. */
    static String named(Scenario scenario) {
        String file = java.nio.file.Path.of(scenario.source()).getFileName().toString();
        return file.endsWith(".yaml") ? file.substring(0, file.length() - 5) : file;
    }

    private static List<String> items(Scenario scenario, String message, String written) throws Unreadable {
        Set<String> secrets = new LinkedHashSet<>();
        for (Step step : scenario.steps()) {
            if (step instanceof Step.Send send && send.id().equals(message)) {
                secrets.addAll(send.secrets().keySet());
            }
            if (step instanceof Step.Portal portal && portal.reply() != null && message.equals(portal.reply().id())) {
                secrets.addAll(portal.reply().secrets().keySet());
            }
        }
        List<String> items = new ArrayList<>();
        for (String item : written.split(",")) {
            String name = item.strip();
            if (!PARTS.contains(name) && !secrets.contains(name)) {
                throw new Unreadable("'" + name + "' is neither a part (headers, body, attachments) nor a secret of message '"
                        + message + "'" + (secrets.isEmpty() ? " (it has no secrets)" : " (its secrets: " + String.join(", ", secrets) + ")"));
            }
            items.add(name);
        }
        return items;
    }

    static PartyName party(Scenario scenario, String written) throws Unreadable {
        String name = written.strip();
        World world = scenario.world();
        switch (name) {
            case "sender":
                return new PartyName(PartyName.Kind.SENDER, "", name);
            case "wire":
                return new PartyName(PartyName.Kind.WIRE, "", name);
            case "service":
                return new PartyName(PartyName.Kind.SERVICE, world.organization().domain(), name);
            default:
                break;
        }
        if (name.startsWith("service of ")) {
            String domain = name.substring("service of ".length()).strip().toLowerCase(Locale.ROOT);
            List<String> domains = new ArrayList<>(List.of(world.organization().domain()));
            world.providers().forEach(provider -> domains.add(provider.domain()));
            if (!domains.contains(domain)) {
                throw new Unreadable("no site '" + domain + "' in scenario '" + named(scenario) + "' (sites: " + String.join(", ", domains) + ")");
            }
            return new PartyName(PartyName.Kind.SERVICE, domain, name);
        }
        if (name.startsWith("mailbox of ")) {
            return new PartyName(PartyName.Kind.MAILBOX, anyAddress(scenario, name.substring("mailbox of ".length())), name);
        }
        if (name.startsWith("thief of ")) {
            return new PartyName(PartyName.Kind.THIEF, person(scenario, name.substring("thief of ".length())), name);
        }
        return new PartyName(PartyName.Kind.PERSON, person(scenario, name), name);
    }

    private static String person(Scenario scenario, String written) throws Unreadable {
        String name = written.strip();
        Optional<World.Person> person = scenario.world().person(name).or(() -> scenario.world().personByAddress(name));
        return person.map(World.Person::address).orElseThrow(() -> new Unreadable("unknown party '" + name + "' in scenario '"
                + named(scenario) + "' (parties: " + PartyName.GRAMMAR + ": " + String.join(", ", Catalog.people(scenario)) + ")"));
    }

    /** A person of the world, or any address (the mailbox of someone who does not exist is a bounce lesson's subject). */
    private static String anyAddress(Scenario scenario, String written) throws Unreadable {
        String name = written.strip();
        if (name.contains("@")) {
            return name.toLowerCase(Locale.ROOT);
        }
        return person(scenario, name);
    }

    private Claim plan(String text, Matcher plan) throws Unreadable {
        Plan chosen;
        List<AddOn> addOns = new ArrayList<>();
        try {
            chosen = Plan.ofLabel(plan.group(1));
            if (plan.group(2) != null) {
                for (String addOn : plan.group(2).split(",")) {
                    addOns.add(AddOn.ofLabel(addOn.strip()));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new Unreadable(e.getMessage());
        }
        String wanted = plan.group(4).strip();
        Feature feature = Arrays.stream(Feature.values()).filter(one -> one.description().equalsIgnoreCase(wanted))
                .findFirst().orElseThrow(() -> new Unreadable("unknown feature '" + wanted + "' (features: "
                        + String.join(", ", Arrays.stream(Feature.values()).map(Feature::description).toList()) + ")"));
        return new Claim.PlanGives(text, chosen, addOns, feature, plan.group(3).equals("gives"));
    }

    private Claim faster(String text, String jdk, String fact) throws Unreadable {
        Matcher faster = FASTER.matcher(fact);
        if (!faster.matches()) {
            throw new Unreadable("a benchmark claim reads 'in benchmarks <jdk>: <benchmark> is faster than <benchmark> [by at least <n>x]'");
        }
        benchmarks.score(jdk, faster.group(1));
        benchmarks.score(jdk, faster.group(2));
        double factor = faster.group(3) == null ? 1.0 : Double.parseDouble(faster.group(3));
        return new Claim.Faster(text, jdk, faster.group(1).strip(), faster.group(2).strip(), factor);
    }
}
