package org.envelopelab.scenario.run;

import org.envelopelab.people.Act;
import org.envelopelab.people.People;
import org.envelopelab.people.Person;
import org.envelopelab.people.evidence.Followed;
import org.envelopelab.people.evidence.Timeline;
import org.envelopelab.scenario.script.Scenario;
import org.envelopelab.scenario.script.Step;
import org.envelopelab.scenario.transcript.Transcript.ExpectationRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a running step can use: the scenario, the world and its people, the timeline of
 * evidence, the messages the run follows, and the narration of the step under way.
 */
public final class Stage {

    private final Scenario scenario;
    private final LabWorld lab;
    private final Consumer<String> progress;
    /** The script's message id to the Message-ID header it was sent with. */
    private final Map<String, String> messageIds = new LinkedHashMap<>();
    /** Every message the run follows, by id: the script's sends, and replies written in the portal. */
    private final Map<String, Step.Send> sends = new LinkedHashMap<>();
    private final List<ExpectationRecord> expectations = new ArrayList<>();
    private final TransportWitness witness;
    private final TransportTime transportTime;
    private List<String> narration = new ArrayList<>();
    private int step;
    private int reportedByLastWait;
    private String headline = "";

    Stage(Scenario scenario, LabWorld lab, Consumer<String> progress) {
        this.scenario = scenario;
        this.lab = lab;
        this.progress = progress;
        this.witness = new TransportWitness(lab.routes().ledger(), lab.mail(), lab.timeline());
        this.transportTime = new TransportTime(lab);
    }

    /** How lab time drives the transport's retries and the sites' faults. */
    public TransportTime transportTime() {
        return transportTime;
    }

    public Scenario scenario() {
        return scenario;
    }

    public LabWorld lab() {
        return lab;
    }

    public People people() {
        return lab.people();
    }

    public Person person(String address) {
        return lab.people().person(address);
    }

    public Timeline timeline() {
        return lab.timeline();
    }

    /** Starts narrating a step; {@code prefix} is its place, such as "[3/12] ". */
    void beginStep(int number, String prefix) {
        step = number;
        headline = prefix;
        narration = new ArrayList<>();
        lab.timeline().beginStep(number);
    }

    /** The number of the step under way (1-based). */
    public int step() {
        return step;
    }

    List<String> narration() {
        return List.copyOf(narration);
    }

    /** The step's first line: its place in the scenario and what it does. */
    public void headline(String text) {
        say(headline + text);
    }

    public void say(String line) {
        narration.add(line);
        progress.accept(line);
    }

    /**
     * Starts following a message under the script's id: its Message-ID, and the evidence about
     * it from now on.
     *
     * @param origin the domain whose transport it enters
     */
    public void follow(Step.Send send, String messageId, String origin) {
        sends.put(send.id(), send);
        messageIds.put(send.id(), messageId);
        lab.timeline().follow(new Followed(send.id(), messageId, send.from(), origin, send.recipients(), send.secrets(),
                !send.attachments().isEmpty(), step));
    }

    /**
     * Follows a forward as the message it carries: whoever it reaches is a forwardee of the
     * original, and what they (and the wires and mailboxes on the way) could read counts for it.
     */
    public void followForward(String id, Act.Forwarded forward, String by, String origin) {
        String original = messageIds.get(id);
        lab.timeline().followed(original).ifPresent(message ->
                lab.timeline().follow(message.forwardedAs(forward.forwardId(), by, origin, forward.to(), step)));
    }

    /** Stops following a message its sender's client refused to send: it never existed. */
    public void unfollow(Step.Send send) {
        String messageId = messageIds.remove(send.id());
        if (messageId != null) {
            lab.timeline().unfollow(messageId);
        }
    }

    /** The followed messages sent since the last time this was asked (a wait reports on those). */
    List<Step.Send> sentSinceLastWait() {
        List<Step.Send> all = followed();
        List<Step.Send> since = all.subList(Math.min(reportedByLastWait, all.size()), all.size());
        reportedByLastWait = all.size();
        return List.copyOf(since);
    }

    /** The Message-ID a followed message was sent with. */
    public Optional<String> messageId(String id) {
        return Optional.ofNullable(messageIds.get(id));
    }

    /** The messages the run follows, in the order they were sent. */
    public List<Step.Send> followed() {
        return sends.keySet().stream().filter(messageIds::containsKey).map(sends::get).toList();
    }

    /** Records what the transport's side held of every followed message that has settled. */
    public void witness() {
        witness.look();
    }

    void record(ExpectationRecord result) {
        expectations.add(result);
    }

    List<ExpectationRecord> expectations() {
        return List.copyOf(expectations);
    }

    /** Judges an action that was or was not refused against what the script expected ({@code fails-with}). */
    public Status judge(boolean refused, String refusal, String failsWith, String who) {
        if (refused) {
            say("    " + who + " refused: " + refusal);
            if (failsWith == null) {
                say("    FAILED -- the scenario did not expect a refusal");
                return Status.FAILED;
            }
            boolean expected = refusal.contains(failsWith);
            say("    " + (expected ? "ok -- refused as the scenario expects"
                    : "FAILED -- the scenario expected a refusal containing \"" + failsWith + "\""));
            return expected ? Status.OK : Status.FAILED;
        }
        if (failsWith != null) {
            say("    FAILED -- it worked, but the scenario expected a refusal containing \"" + failsWith + "\"");
            return Status.FAILED;
        }
        return Status.OK;
    }

    static String domainOf(String address) {
        return address.substring(address.indexOf('@') + 1);
    }

    static String localPart(String address) {
        return address.substring(0, address.indexOf('@'));
    }
}
