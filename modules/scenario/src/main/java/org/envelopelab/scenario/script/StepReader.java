package org.envelopelab.scenario.script;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import org.envelopelab.service.rules.Evaluation;
import org.envelopelab.service.rules.MailFacts;
import org.envelopelab.service.rules.RuleEngine;
import org.envelopelab.service.rules.TemplateCatalog;
import org.envelopelab.scenario.steps.StepKind;
import org.envelopelab.scenario.steps.StepKinds;

import static org.envelopelab.scenario.script.NodeReader.mustBe;

/**
 * Reads the list of steps, in order. Each item is a mapping with one key naming its kind; the
 * kind's entry in {@link StepKinds} says which of the readers here reads it (send and expect have
 * readers of their own).
 */
public final class StepReader {

    static final List<String> KINDS = StepKinds.keys();
    private static final Pattern CLOCK_STEP = Pattern.compile("(\\d+)(m|h|d)");

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final List<String> FORWARD_KEYS = List.of("who", "message", "to", "fails-with");
    private static final List<String> WAIT_KEYS = List.of("for", "timeout");
    private static final List<String> READ_KEYS = List.of("who", "folder");
    private static final Pattern TIMEOUT = Pattern.compile("(\\d+)(ms|s|m)");
    private static final String NOT_A_MAPPING = "a step must be a mapping with one key naming its kind ("
            + String.join(", ", KINDS) + ")";

    private final NodeReader reader;
    private final Roster roster;
    private final SendReader sends;
    private final ExpectReader expects;
    private final ServiceConfig service;
    private final ServiceStepReader serviceSteps;
    private final CertificateStepReader certificateSteps;
    private final AttackStepReader attackSteps;
    private final FaultStepReader faultSteps;
    private final boolean serviceWritten;
    private final SentMessages sent;
    private int sendCount;

    /**
     * @param service        the service, or null when there is none or it had problems
     * @param serviceWritten whether the script has a service section (problems in it are reported already)
     */
    StepReader(NodeReader reader, World world, List<CertificateSpec> certificates, ServiceConfig service,
               boolean serviceWritten, Path baseDir) {
        this.reader = reader;
        this.service = service;
        this.serviceWritten = serviceWritten;
        this.roster = new Roster(world, reader);
        Set<String> certified = certificates.stream().map(CertificateSpec::address).collect(Collectors.toSet());
        this.sent = new SentMessages(reader);
        this.sends = new SendReader(reader, roster, sent, new AttachmentReader(reader, baseDir), certified);
        this.serviceSteps = new ServiceStepReader(reader, roster, sent, service);
        this.certificateSteps = new CertificateStepReader(reader, roster, certified);
        this.attackSteps = new AttackStepReader(reader, roster, sent);
        this.faultSteps = new FaultStepReader(reader, world);
        this.expects = new ExpectReader(reader, roster, sent, new PartyGrammar(reader, roster));
    }

    /** The steps that could be read; complete only when nothing was reported. */
    List<Step> read(List<Node> items) {
        List<Step> steps = new ArrayList<>();
        for (Node item : items) {
            step(item).ifPresent(steps::add);
        }
        steps.stream().filter(Step.Send.class::isInstance).map(Step.Send.class::cast)
                .filter(send -> send.smime() != null && send.smime().encrypt() && send.failsWith() == null)
                .forEach(this::warnWhenRulesWrapSmime);
        return steps;
    }

    /**
     * The organization's rules see only the headers of an S/MIME message; when those alone make a
     * rule protect it, the service wraps the S/MIME message in its own protection. Legal, and
     * surprising: say so.
     */
    private void warnWhenRulesWrapSmime(Step.Send send) {
        if (service == null || !service.tenant().isInside(send.from())) {
            return;
        }
        MailFacts headersOnly = new MailFacts(send.from(), send.recipients(), send.subject(), "", List.of(), true, false, null);
        Evaluation evaluation = new RuleEngine(service.tenant(), new TemplateCatalog(service.templates()))
                .evaluate(service.rules(), headersOnly);
        if (evaluation.protects()) {
            String rules = evaluation.matches().stream().map(match -> "'" + match.rule() + "'").distinct()
                    .reduce((a, b) -> a + ", " + b).orElse("a rule");
            reader.problems().warn(send.line(), "the rule " + rules + " matches S/MIME message '" + send.id()
                    + "' on its headers alone, so the service will protect it again in its own format; the service"
                    + " cannot read an S/MIME body, so rules that test the body never match such a message");
        }
    }

    private Optional<? extends Step> step(Node item) {
        if (!(item instanceof MappingNode mapping)) {
            reader.report(item, NOT_A_MAPPING);
            return Optional.empty();
        }
        ScriptMapping step = new ScriptMapping(mapping, "step", null, reader);
        if (step.entries().size() != 1) {
            // Keys that are not names were reported already; only the count is left to explain.
            if (step.entries().size() > 1 || mapping.getValue().isEmpty()) {
                reader.report(item, wrongKeyCount(step));
            }
            return Optional.empty();
        }
        ScriptMapping.Entry entry = step.entries().get(0);
        int line = Problems.lineOf(item);
        Optional<StepKind<?>> kind = StepKinds.byKey(entry.key());
        if (kind.isEmpty()) {
            reader.report(entry.keyNode(), Spelling.unknown("unknown step '" + entry.key() + "'", entry.key(),
                    KINDS, Spelling.listing("steps", KINDS)));
            return Optional.empty();
        }
        if (kind.get().needsService() && !needsService(entry, entry.key())) {
            return Optional.empty();
        }
        return kind.get().read(this, entry.value(), line);
    }

    /** {@code forward: {who: kim, message: results, to: ivy, fails-with: ...}}. */
    public Optional<Step.Forward> forward(Node node, int line) {
        Optional<ScriptMapping> found = reader.mapping(node, mustBe("forward", "a mapping with 'who', 'message' and 'to'"),
                "forward", FORWARD_KEYS);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ScriptMapping forward = found.get();
        Optional<String> who = forward.requiredScalar("who").flatMap(reference -> roster.personAddress(reference.getValue(), reference));
        Optional<String> message = forward.requiredScalar("message").flatMap(sent::named).map(SentMessages.Sent::id);
        List<String> to = new ArrayList<>();
        forward.required("to").flatMap(value -> reader.oneOrMany(value, mustBe("to", "a person, an address or a list of them")))
                .ifPresent(entries -> entries.forEach(entry -> roster.anyAddress(entry.getValue(), entry).ifPresent(to::add)));
        String failsWith = forward.optionalText("fails-with").orElse(null);
        if (who.isEmpty() || message.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Step.Forward(line, who.get(), message.get(), to, failsWith));
    }

    /** The readers of the message encryption service's steps: portal, revoke. */
    public ServiceStepReader service() {
        return serviceSteps;
    }

    /** The readers of the attackers' steps. */
    public AttackStepReader attacks() {
        return attackSteps;
    }

    /** The readers of the fault steps: outage, slow, drop-data, defer, restore. */
    public FaultStepReader faults() {
        return faultSteps;
    }

    /** The readers of the certificate steps. */
    public CertificateStepReader certificates() {
        return certificateSteps;
    }

    /** {@code note: text}. */
    public Optional<Step.Note> note(Node node, int line) {
        return reader.text(node, "note").map(text -> new Step.Note(line, text));
    }

    /** A {@code send}: see {@link SendReader}. */
    public Optional<Step.Send> send(Node node, int line) {
        return sends.read(node, line, ++sendCount);
    }

    /** An {@code expect}: see {@link ExpectReader}. */
    public Optional<Step.Expect> expect(Node node, int line) {
        return expects.read(node, line);
    }

    private static String wrongKeyCount(ScriptMapping step) {
        String message = "a step must have exactly one key naming its kind; this one has ";
        if (step.keys().isEmpty()) {
            return message + "none";
        }
        message += String.join(", ", step.keys());
        // The usual cause: a step's fields written level with its kind instead of indented under it.
        return KINDS.contains(step.keys().get(0)) ? message + " (indent the fields under '" + step.keys().get(0) + "')"
                : message;
    }

    /** {@code wait: delivery} or {@code wait: {for: delivery, timeout: 30s}}. */
    public Optional<Step.Wait> await(Node node, int line) {
        if (node instanceof ScalarNode) {
            return reader.text(node, "wait").filter(what -> waitsForDelivery(what, node))
                    .map(what -> new Step.Wait(line, DEFAULT_TIMEOUT));
        }
        Optional<ScriptMapping> found = reader.mapping(node,
                mustBe("wait", "'delivery' or a mapping with 'for' and 'timeout'"), "wait", WAIT_KEYS);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ScriptMapping wait = found.get();
        Optional<Node> forNode = wait.optional("for");
        boolean forDelivery = forNode.isEmpty()
                || reader.text(forNode.get(), "for").filter(what -> waitsForDelivery(what, forNode.get())).isPresent();
        Optional<Duration> timeout = wait.optional("timeout").map(this::timeout).orElse(Optional.of(DEFAULT_TIMEOUT));
        return forDelivery ? timeout.map(duration -> new Step.Wait(line, duration)) : Optional.empty();
    }

    private boolean waitsForDelivery(String what, Node at) {
        if (!what.equals("delivery")) {
            reader.report(at, "can only wait for 'delivery', not '" + what + "'");
            return false;
        }
        return true;
    }

    /** {@code <n>ms}, {@code <n>s} or {@code <n>m}, above zero. */
    private Optional<Duration> timeout(Node node) {
        Optional<String> text = reader.text(node, "timeout");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> parsed = LabTime.duration(text.get(), TIMEOUT);
        if (parsed.isEmpty()) {
            reader.report(node, mustBe("timeout", "a duration like 500ms, 30s or 2m"));
            return Optional.empty();
        }
        Duration duration = parsed.get();
        if (duration.compareTo(LabTime.LONGEST_WAIT) > 0) {
            reader.report(node, mustBe("timeout", "at most " + LabTime.LONGEST_WAIT.toMinutes() + "m"));
            return Optional.empty();
        }
        if (duration.isZero()) {
            reader.report(node, mustBe("timeout", "greater than zero"));
            return Optional.empty();
        }
        return Optional.of(duration);
    }

    /** Steps of the message encryption service need a service; say so once per step. */
    private boolean needsService(ScriptMapping.Entry entry, String step) {
        if (service == null) {
            if (!serviceWritten) {
                reader.report(entry.keyNode(), "'" + step + "' needs the organization's message encryption service:"
                        + " add a 'service' section");
            }
            return false;
        }
        return true;
    }

    /** {@code advance-clock: 31d} (also {@code h} and {@code m}), at most {@link LabTime#LONGEST_ADVANCE}. */
    public Optional<Step.AdvanceClock> advanceClock(Node node, int line) {
        return reader.text(node, "advance-clock").flatMap(text -> {
            Optional<Duration> by = LabTime.duration(text, CLOCK_STEP);
            if (by.isEmpty() || by.get().isZero()) {
                reader.report(node, mustBe("advance-clock", "a time like 30m, 12h or 31d"));
                return Optional.empty();
            }
            if (by.get().compareTo(LabTime.LONGEST_ADVANCE) > 0) {
                reader.report(node, mustBe("advance-clock", "at most " + LabTime.LONGEST_ADVANCE.toDays()
                        + " days (100 years)"));
                return Optional.empty();
            }
            return Optional.of(new Step.AdvanceClock(line, by.get()));
        });
    }

    /** {@code read: carol} or {@code read: {who: carol, folder: Archive}}. */
    public Optional<Step.Read> read(Node node, int line) {
        if (node instanceof ScalarNode) {
            return reader.text(node, "read")
                    .flatMap(who -> roster.personAddress(who, node))
                    .map(address -> new Step.Read(line, address, Folders.INBOX));
        }
        Optional<ScriptMapping> found = reader.mapping(node,
                mustBe("read", "a person or a mapping with 'who' and 'folder'"), "read", READ_KEYS);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ScriptMapping read = found.get();
        Optional<String> who = read.requiredScalar("who")
                .flatMap(reference -> roster.personAddress(reference.getValue(), reference));
        String folder = Folders.folder(read);
        return who.map(address -> new Step.Read(line, address, folder));
    }
}
