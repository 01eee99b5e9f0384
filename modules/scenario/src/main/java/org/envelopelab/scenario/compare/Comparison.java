package org.envelopelab.scenario.compare;

import org.envelopelab.people.evidence.Evidence;
import org.envelopelab.people.evidence.Party;
import org.envelopelab.routes.ledger.Journey;
import org.envelopelab.routes.ledger.Relay;
import org.envelopelab.scenario.judge.Verdict;
import org.envelopelab.scenario.run.LabWorld;
import org.envelopelab.scenario.run.ScenarioRunner;
import org.envelopelab.scenario.script.DeliveryPath;
import org.envelopelab.scenario.script.Scenario;
import org.envelopelab.scenario.script.ServiceConfig;
import org.envelopelab.scenario.script.Step;
import org.envelopelab.scenario.script.World;
import org.envelopelab.scenario.transcript.Transcript;
import org.envelopelab.service.rights.RightsTemplate;
import org.envelopelab.service.rules.ApplyProtection;
import org.envelopelab.service.rules.FlowRule;
import org.envelopelab.service.rules.Scope;
import org.envelopelab.service.rules.SentTo;
import org.envelopelab.service.tenant.Plan;
import org.envelopelab.service.tenant.Tenant;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@code lab compare}: the scenario's messages sent down each path (in the clear, S/MIME, the
 * message encryption service), each in a fresh world of the scenario's own people, and judged
 * by the same judge from the same kind of evidence; then what each path cost the people involved,
 * measured, not typed.
 */
public final class Comparison {

    private final Consumer<String> progress;

    /** @param progress receives a line as each path starts and ends */
    public Comparison(Consumer<String> progress) {
        this.progress = progress;
    }

    public ComparisonReport compare(Scenario scenario) throws Exception {
        return run(scenario).report();
    }

    /**
     * A comparison with the transcript of each path's run: the evidence its tables are made of,
     * for whoever asks more of it than the tables say (the knowledge checks' proofs).
     *
     * @param report      the comparison, as {@code lab compare} prints it
     * @param transcripts each path's run
     */
    public record Compared(ComparisonReport report, Map<DeliveryPath, Transcript> transcripts) {
        public Compared {
            transcripts = Collections.unmodifiableMap(new EnumMap<>(transcripts));
        }
    }

    /** Runs the scenario's messages down each of its paths; see {@link #compare(Scenario)}. */
    public Compared run(Scenario scenario) throws Exception {
        List<ComparedMessage> messages = messages(scenario);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException(scenario.source() + " sends no message to the world's people, so there is"
                    + " nothing to compare");
        }
        PathPlan plan = new PathPlan(scenario, messages, new PathPlan.Attackers(scenario.world()));
        ServiceConfig service = scenario.service() != null ? scenario.service() : defaultService(scenario.world());
        List<ComparisonReport.PathRun> runs = new ArrayList<>();
        for (DeliveryPath path : scenario.paths()) {
            PathPlan.Planned plannedPath = plan.scenarioFor(path, service);
            Scenario planned = plannedPath.scenario();
            progress.accept("Sending " + messages.size() + (messages.size() == 1 ? " message" : " messages") + " "
                    + path.title() + " ...");
            long started = System.nanoTime();
            Transcript transcript;
            long bytesOnWire;
            try (LabWorld lab = LabWorld.start(planned, 0)) {
                transcript = new ScenarioRunner(line -> { }).run(planned, lab);
                bytesOnWire = bytesOnWire(lab, transcript);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            runs.add(new ComparisonReport.PathRun(path, transcript, millis, bytesOnWire,
                    path == DeliveryPath.SMIME ? plan.exchanges().size() : 0, planned.certificates().size(),
                    plannedPath.attacksFrom()));
            progress.accept("  done in " + millis + " ms; " + bytesOnWire + " bytes crossed the wire");
        }
        Map<DeliveryPath, Transcript> transcripts = new EnumMap<>(DeliveryPath.class);
        runs.forEach(run -> transcripts.put(run.path(), run.transcript()));
        return new Compared(ComparisonReport.of(scenario, messages, service, scenario.service() == null, runs), transcripts);
    }

    /**
     * The script's messages to people of the world, and the replies: those written in its portal
     * steps, and sends that answer an earlier message (from one of its recipients back to its
     * sender), which a recipient who holds only a wrapper writes in the portal.
     */
    static List<ComparedMessage> messages(Scenario scenario) {
        Set<String> people = scenario.world().everyone().stream().map(person -> person.address().toLowerCase())
                .collect(Collectors.toSet());
        List<ComparedMessage> messages = new ArrayList<>();
        for (Step step : scenario.steps()) {
            if (step instanceof Step.Send send && send.failsWith() == null
                    && send.recipients().stream().anyMatch(recipient -> people.contains(recipient.toLowerCase()))) {
                messages.add(new ComparedMessage(send, answered(send, messages)));
            }
            if (step instanceof Step.Portal portal && portal.reply() != null && portal.reply().id() != null) {
                scenario.send(portal.message()).ifPresent(original -> messages.add(new ComparedMessage(
                        new Step.Send(portal.line(), portal.reply().id(), portal.who(), List.of(original.from()), List.of(),
                                List.of(), "RE: " + original.subject(), portal.reply().text(), "", List.of(),
                                portal.reply().secrets(), null, null), original.id())));
            }
        }
        return messages;
    }

    /** The id of the earlier message this send answers: its writer got that one, and sends it back to its sender. */
    private static String answered(Step.Send send, List<ComparedMessage> earlier) {
        return earlier.stream().filter(message -> !message.reply())
                .filter(message -> message.send().recipients().stream().anyMatch(send.from()::equalsIgnoreCase)
                        && send.recipients().stream().anyMatch(message.send().from()::equalsIgnoreCase))
                .map(message -> message.send().id()).findFirst().orElse(null);
    }

    /** The bytes that crossed the wire for the path's messages: every relay of every followed message. */
    private static long bytesOnWire(LabWorld lab, Transcript transcript) {
        long bytes = 0;
        for (Transcript.MessageRecord message : transcript.messages()) {
            for (Journey journey : lab.routes().ledger().journeys(message.messageId())) {
                for (Relay relay : journey.relays()) {
                    bytes += relay.content().length;
                }
            }
        }
        return bytes;
    }

    /**
     * The service a scenario without a {@code service} section is compared with: an Office 365 E3
     * tenant whose one rule protects everything sent outside with Encrypt-Only.
     */
    static ServiceConfig defaultService(World world) {
        World.Organization organization = world.organization();
        Set<String> microsoftAccounts = world.providers().stream().filter(provider -> provider.kind().equals("outlook"))
                .map(World.Provider::domain).collect(Collectors.toSet());
        Tenant tenant = new Tenant(organization.name(), organization.domain(),
                organization.users().stream().map(World.Person::address).collect(Collectors.toSet()), java.util.Map.of(),
                Plan.OFFICE_365_E3, Set.of(), microsoftAccounts);
        FlowRule everythingOutside = new FlowRule("Protect everything sent outside", List.of(new SentTo(Scope.OUTSIDE)),
                List.of(), List.of(new ApplyProtection(RightsTemplate.ENCRYPT_ONLY)), false);
        return new ServiceConfig(tenant, List.of(), List.of(), List.of(everythingOutside), null);
    }

    /** The verdicts on one message in one path's run, or none when the path did not send it. */
    static List<Verdict> verdicts(Transcript transcript, String messageId) {
        return transcript.messages().stream().filter(message -> message.id().equals(messageId)).findFirst()
                .map(Transcript.MessageRecord::readers).orElse(List.of());
    }

    static boolean anyEvidence(Transcript transcript, Party.Kind kind) {
        return transcript.timeline().stream().map(Evidence::party).anyMatch(party -> party.kind() == kind);
    }
}
